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
import mn.miic.helpdesk.outbox.Outbox;
import mn.miic.helpdesk.outbox.Owed;
import mn.miic.helpdesk.requests.RequestRepository;
import org.jooq.DSLContext;

/**
 * The guide's 90 days: an account nobody signed in to (or reactivated) for the inactivity period becomes Inactive
 * Expired. Works in short batches that skip rows an administrator holds, so it never makes anyone wait; warns 14 and
 * 3 days before; reports a location that lost its last active administrator this way. Who is told what is owed in
 * the outbox in each batch's own transaction, so a crash between a batch and its notices loses none.
 */
public final class InactivitySweep {

    public static final int BATCH = 500;
    public static final String REASON = "No sign-in for the inactivity period";

    /** What a run did, for the log and the metrics. */
    public record Report(
            int expired,
            int warned,
            int passwordsExpired,
            int batches,
            Duration took,
            List<Organization> withoutAdministrator) {}

    /**
     * How far back the sweep looks for passwords that expired: a bot down for a few days still tells, but a bot
     * started on an old registry does not tell everyone of a password that expired years ago.
     */
    public static final Duration PASSWORD_EXPIRY_LOOKBACK = Duration.ofDays(7);

    private final DSLContext dsl;
    private final Outbox outbox;
    private final Clock clock;
    private final Duration period;
    private final ExpiredPasswords expiredPasswords;

    public InactivitySweep(DSLContext dsl, Outbox outbox, Clock clock, Duration period) {
        this.dsl = dsl;
        this.outbox = outbox;
        this.clock = clock;
        this.period = period;
        this.expiredPasswords = new ExpiredPasswords(outbox);
    }

    public Report run() {
        long started = System.nanoTime();
        Instant now = clock.instant();
        Actor bot = new Actor(null, null, "inactivity-sweep-" + java.util.UUID.randomUUID());
        int expired = 0;
        int batches = 0;
        List<Organization> withoutAdministrator = new ArrayList<>();
        while (true) {
            int done = dsl.transactionResult(cfg -> expireOneBatch(cfg.dsl(), bot, now, withoutAdministrator));
            batches++;
            expired += done;
            if (done < BATCH) {
                break;
            }
        }
        int warned = warn(bot, now, 3, 14) + warn(bot, now, 0, 3);
        int passwords = tellExpiredPasswords(bot, now);
        return new Report(
                expired,
                warned,
                passwords,
                batches,
                Duration.ofNanos(System.nanoTime() - started),
                withoutAdministrator);
    }

    private int expireOneBatch(DSLContext tx, Actor bot, Instant now, List<Organization> withoutAdministrator) {
        var touched = new LifecycleRepository(tx).expireBatch(now.minus(period), REASON, BATCH);
        if (touched.isEmpty()) {
            return 0;
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
        List<Account> accounts = new AccountRepository(tx)
                .findAllById(touched.stream()
                        .map(LifecycleRepository.Touched::accountId)
                        .toList());
        tell(tx, bot, orgs, accounts, withoutAdministrator);
        return touched.size();
    }

    /** The owners, each location's administrators (one message each), and the help desk for a location left alone. */
    private void tell(
            DSLContext tx,
            Actor bot,
            Map<Long, Organization> orgs,
            List<Account> accounts,
            List<Organization> withoutAdministrator) {
        Outbox.Options options = Outbox.Options.none().tracing(bot.requestId());
        Map<Long, List<Account>> byOrg = new LinkedHashMap<>();
        for (Account a : accounts) {
            outbox.owe(tx, new Owed.AccountExpired(a.id()), options);
            byOrg.computeIfAbsent(a.organizationId(), k -> new ArrayList<>()).add(a);
        }
        RequestRepository requests = new RequestRepository(tx);
        AccountRepository repository = new AccountRepository(tx);
        byOrg.forEach((orgId, expired) -> {
            Organization org = orgs.get(orgId);
            List<Long> ids = expired.stream().map(Account::id).toList();
            // Every manager, linked or not: each is looked for in Slack when the report goes, not in this transaction.
            for (long admin : requests.approverCandidates(-1, org)) {
                outbox.owe(tx, new Owed.ExpiredAccountsReport(orgId, admin, ids), options);
            }
            List<Long> managers = expired.stream()
                    .filter(Account::managesUsers)
                    .map(Account::id)
                    .toList();
            if (!managers.isEmpty() && repository.countActiveManagers(orgId, -1) == 0) {
                withoutAdministrator.add(org);
                outbox.owe(tx, new Owed.LastAdministratorGone(orgId, managers, null), options);
            }
        });
    }

    private int warn(Actor bot, Instant now, int fromDays, int toDays) {
        int warned = 0;
        while (true) {
            int batch = dsl.transactionResult(cfg -> {
                var touched = new LifecycleRepository(cfg.dsl()).warnBatch(now, period, fromDays, toDays, BATCH);
                Map<Long, Organization> orgs = organizations(cfg.dsl(), touched);
                AuditLog audit = new AuditLog(cfg.dsl());
                Outbox.Options options = Outbox.Options.none().tracing(bot.requestId());
                for (var t : touched) {
                    Organization org = orgs.get(t.organizationId());
                    Instant expiresAt = t.lastUse().plus(period);
                    audit.done(
                            bot,
                            null,
                            AuditAction.INACTIVITY_WARNING,
                            new AuditLog.Subject(t.accountId(), t.username(), org.id(), org.code()),
                            "expires in " + toDays + " days or less, on " + expiresAt,
                            Map.of());
                    outbox.owe(cfg.dsl(), new Owed.ExpiryWarning(t.accountId(), expiresAt), options);
                }
                return touched.size();
            });
            warned += batch;
            if (batch < BATCH) {
                return warned;
            }
        }
    }

    /**
     * Owners whose password expired since the last run hear it once, with a way to ask for a new one: an unused
     * temporary password no longer signs in at all, and someone whose ordinary password expired may not remember it.
     */
    private int tellExpiredPasswords(Actor bot, Instant now) {
        int told = 0;
        while (true) {
            int batch = dsl.transactionResult(cfg -> {
                return expiredPasswords.tellBatch(cfg.dsl(), bot, now.minus(PASSWORD_EXPIRY_LOOKBACK), now, BATCH);
            });
            told += batch;
            if (batch < BATCH) {
                return told;
            }
        }
    }

    private static Map<Long, Organization> organizations(DSLContext tx, List<LifecycleRepository.Touched> touched) {
        return new OrganizationRepository(tx)
                .byId(touched.stream()
                        .map(LifecycleRepository.Touched::organizationId)
                        .distinct()
                        .toList());
    }
}
