package mn.miic.helpdesk.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.store.AccountRepository;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.audit.AuditLog;
import mn.miic.helpdesk.audit.Change;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationRepository;
import mn.miic.helpdesk.requests.Approver;
import mn.miic.helpdesk.requests.RequestRepository;
import org.jooq.DSLContext;

/**
 * The guide's 90 days: an account nobody signed in to (or reactivated) for the inactivity period becomes Inactive
 * Expired. Works in short batches that skip rows an administrator holds, so it never makes anyone wait; warns 14 and
 * 3 days before; reports a location that lost its last active administrator this way.
 */
public final class InactivitySweep {

    public static final int BATCH = 500;
    public static final String REASON = "No sign-in for the inactivity period";

    /** Who is told what; the Slack side implements it. */
    public interface Notices {
        /** One organization's accounts expired by this run, and its administrators who can be reached. */
        void expired(Organization organization, List<Account> accounts, List<Approver> administrators);

        void warned(Account account, Instant expiresAt, int daysBefore);

        void lastAdministratorGone(Organization organization, List<Account> expiredAdministrators);
    }

    /** What a run did, for the log and the metrics. */
    public record Report(
            int expired, int warned, int batches, Duration took, List<Organization> withoutAdministrator) {}

    private final DSLContext dsl;
    private final Clock clock;
    private final Duration period;

    public InactivitySweep(DSLContext dsl, Clock clock, Duration period) {
        this.dsl = dsl;
        this.clock = clock;
        this.period = period;
    }

    public Report run(Notices notices) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        Actor bot = new Actor(null, null, "inactivity-sweep-" + java.util.UUID.randomUUID());
        int expired = 0;
        int batches = 0;
        Map<Long, List<Account>> expiredManagers = new LinkedHashMap<>();
        // Told once per organization at the end, so that an administrator gets one message per run, not per batch.
        Map<Long, List<Account>> expiredByOrg = new LinkedHashMap<>();
        while (true) {
            List<Account> batch = dsl.transactionResult(cfg -> expireOneBatch(cfg.dsl(), bot, now));
            batches++;
            expired += batch.size();
            for (Account a : batch) {
                expiredByOrg
                        .computeIfAbsent(a.organizationId(), k -> new ArrayList<>())
                        .add(a);
                if (a.managesUsers()) {
                    expiredManagers
                            .computeIfAbsent(a.organizationId(), k -> new ArrayList<>())
                            .add(a);
                }
            }
            if (batch.size() < BATCH) {
                break;
            }
        }
        tell(notices, expiredByOrg);
        List<Organization> withoutAdministrator = new ArrayList<>();
        AccountRepository accounts = new AccountRepository(dsl);
        OrganizationRepository organizations = new OrganizationRepository(dsl);
        expiredManagers.forEach((orgId, managers) -> {
            if (accounts.countActiveManagers(orgId, -1) == 0) {
                Organization org = organizations.findById(orgId).orElseThrow();
                withoutAdministrator.add(org);
                notices.lastAdministratorGone(org, managers);
            }
        });
        int warned = warn(notices, bot, now, 3, 14) + warn(notices, bot, now, 0, 3);
        return new Report(
                expired, warned, batches, Duration.ofNanos(System.nanoTime() - started), withoutAdministrator);
    }

    private List<Account> expireOneBatch(DSLContext tx, Actor bot, Instant now) {
        var touched = new LifecycleRepository(tx).expireBatch(now.minus(period), REASON, BATCH);
        if (touched.isEmpty()) {
            return List.of();
        }
        Map<Long, Organization> orgs = organizations(tx, touched);
        AuditLog audit = new AuditLog(tx);
        for (var t : touched) {
            Organization org = orgs.get(t.organizationId());
            audit.done(
                    bot,
                    null,
                    AuditAction.EXPIRE_INACTIVE,
                    new AuditLog.Subject(t.accountId(), t.username(), org.id(), org.code()),
                    "no sign-in for " + period.toDays() + " days",
                    Map.of("status", new Change("Active", "Inactive Expired")));
        }
        return new AccountRepository(tx)
                .findAllById(touched.stream()
                        .map(LifecycleRepository.Touched::accountId)
                        .toList());
    }

    private int warn(Notices notices, Actor bot, Instant now, int fromDays, int toDays) {
        int warned = 0;
        while (true) {
            var batch = dsl.transactionResult(cfg -> {
                var touched = new LifecycleRepository(cfg.dsl()).warnBatch(now, period, fromDays, toDays, BATCH);
                Map<Long, Organization> orgs = organizations(cfg.dsl(), touched);
                AuditLog audit = new AuditLog(cfg.dsl());
                for (var t : touched) {
                    Organization org = orgs.get(t.organizationId());
                    audit.done(
                            bot,
                            null,
                            AuditAction.INACTIVITY_WARNING,
                            new AuditLog.Subject(t.accountId(), t.username(), org.id(), org.code()),
                            "expires in " + toDays + " days or less, on "
                                    + t.lastUse().plus(period),
                            Map.of());
                }
                return touched;
            });
            Map<Long, Account> byId = new LinkedHashMap<>();
            new AccountRepository(dsl)
                    .findAllById(batch.stream()
                            .map(LifecycleRepository.Touched::accountId)
                            .toList())
                    .forEach(a -> byId.put(a.id(), a));
            for (var t : batch) {
                notices.warned(byId.get(t.accountId()), t.lastUse().plus(period), toDays);
            }
            warned += batch.size();
            if (batch.size() < BATCH) {
                return warned;
            }
        }
    }

    private void tell(Notices notices, Map<Long, List<Account>> byOrg) {
        OrganizationRepository organizations = new OrganizationRepository(dsl);
        RequestRepository requests = new RequestRepository(dsl);
        byOrg.forEach((orgId, accounts) -> {
            Organization org = organizations.findById(orgId).orElseThrow();
            notices.expired(org, accounts, requests.approvers(-1, org));
        });
    }

    private static Map<Long, Organization> organizations(DSLContext tx, List<LifecycleRepository.Touched> touched) {
        Map<Long, Organization> orgs = new LinkedHashMap<>();
        new OrganizationRepository(tx)
                .findAllById(touched.stream()
                        .map(LifecycleRepository.Touched::organizationId)
                        .distinct()
                        .toList())
                .forEach(o -> orgs.put(o.id(), o));
        return orgs;
    }
}
