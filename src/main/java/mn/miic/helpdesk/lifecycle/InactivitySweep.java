package mn.miic.helpdesk.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    public static final int BATCH = 1_000;
    public static final String REASON = "No sign-in for the inactivity period";

    /** What a run did, for the log and the metrics. */
    public record Report(
            int expired,
            int warned,
            int passwordsExpired,
            int batches,
            Duration took,
            Duration expiring,
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
        // A pass takes every organization with accounts due; a row someone held was skipped, so a pass that still
        // expired something is followed by another (those rows are free by then, or wait for the next run).
        for (int pass = 0; pass < 3; pass++) {
            int inPass = 0;
            for (List<Long> orgs : batches(new LifecycleRepository(dsl).dueByOrganization(now.minus(period)))) {
                while (true) {
                    int done = dsl.transactionResult(
                            cfg -> expireOneBatch(cfg.dsl(), orgs, bot, now, withoutAdministrator));
                    batches++;
                    inPass += done;
                    if (done < BATCH) {
                        break;
                    }
                }
            }
            expired += inPass;
            if (inPass == 0) {
                break;
            }
        }
        Duration expiring = Duration.ofNanos(System.nanoTime() - started);
        int warned = warn(bot, now, 3, 14) + warn(bot, now, 0, 3);
        int passwords = tellExpiredPasswords(bot, now);
        return new Report(
                expired,
                warned,
                passwords,
                batches,
                Duration.ofNanos(System.nanoTime() - started),
                expiring,
                withoutAdministrator);
    }

    /** Whole organizations, in order, packed into batches of about {@link #BATCH} accounts due (a larger one alone). */
    public static List<List<Long>> batches(java.util.SortedMap<Long, Integer> dueByOrganization) {
        List<List<Long>> batches = new ArrayList<>();
        List<Long> batch = new ArrayList<>();
        int size = 0;
        for (var e : dueByOrganization.entrySet()) {
            if (!batch.isEmpty() && size + e.getValue() > BATCH) {
                batches.add(batch);
                batch = new ArrayList<>();
                size = 0;
            }
            batch.add(e.getKey());
            size += e.getValue();
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }

    /** One batch in its transaction: the expiries, their audit rows and what they owe, a statement each. */
    private int expireOneBatch(
            DSLContext tx, List<Long> orgIds, Actor bot, Instant now, List<Organization> withoutAdministrator) {
        var expired = new LifecycleRepository(tx).expireIn(orgIds, now.minus(period), REASON, BATCH);
        if (expired.isEmpty()) {
            return 0;
        }
        Map<Long, Organization> orgs = new OrganizationRepository(tx).byId(orgIds);
        String why = "no sign-in for " + period.toDays() + " days";
        Map<String, Change> change = Map.of("status", new Change("Active", "Inactive Expired"));
        new AuditLog(tx)
                .doneEach(
                        bot,
                        null,
                        AuditAction.EXPIRE_INACTIVE,
                        expired.stream()
                                .map(e -> {
                                    Organization org = orgs.get(e.organizationId());
                                    return new AuditLog.Row(
                                            new AuditLog.Subject(e.accountId(), e.username(), org.id(), org.code()),
                                            why,
                                            change);
                                })
                                .toList());
        outbox.oweAll(
                tx,
                owed(tx, orgs, expired, withoutAdministrator),
                Outbox.Options.none().tracing(bot.requestId()));
        return expired.size();
    }

    /** The owners, each location's administrators (one message each), and the help desk for a location left alone. */
    private static List<Owed> owed(
            DSLContext tx,
            Map<Long, Organization> orgs,
            List<LifecycleRepository.Expired> expired,
            List<Organization> withoutAdministrator) {
        List<Owed> owed = new ArrayList<>();
        Map<Long, List<LifecycleRepository.Expired>> byOrg = new LinkedHashMap<>();
        for (var e : expired) {
            owed.add(new Owed.AccountExpired(e.accountId()));
            byOrg.computeIfAbsent(e.organizationId(), k -> new ArrayList<>()).add(e);
        }
        Map<Long, List<Long>> recipients = new RequestRepository(tx)
                .approverCandidatesOf(byOrg.keySet().stream().map(orgs::get).toList());
        Map<Long, Integer> stillManaged =
                new mn.miic.helpdesk.accounts.store.AccountRepository(tx).countActiveManagers(byOrg.keySet());
        byOrg.forEach((orgId, ofOrg) -> {
            Organization org = orgs.get(orgId);
            List<Long> ids =
                    ofOrg.stream().map(LifecycleRepository.Expired::accountId).toList();
            // Every manager, linked or not: each is looked for in Slack when the report goes, not in this transaction.
            for (long admin : recipients.get(orgId)) {
                owed.add(new Owed.ExpiredAccountsReport(orgId, admin, ids));
            }
            List<Long> managers = ofOrg.stream()
                    .filter(LifecycleRepository.Expired::managedUsers)
                    .map(LifecycleRepository.Expired::accountId)
                    .toList();
            if (!managers.isEmpty() && stillManaged.getOrDefault(orgId, 0) == 0) {
                withoutAdministrator.add(org);
                owed.add(new Owed.LastAdministratorGone(orgId, managers, null));
            }
        });
        return owed;
    }

    private int warn(Actor bot, Instant now, int fromDays, int toDays) {
        int warned = 0;
        LifecycleRepository.Touched last = null;
        while (true) {
            LifecycleRepository.Touched after = last;
            var touched = dsl.transactionResult(cfg -> {
                var batch = new LifecycleRepository(cfg.dsl()).warnBatch(now, period, fromDays, toDays, after, BATCH);
                Map<Long, Organization> orgs = organizations(cfg.dsl(), batch);
                new AuditLog(cfg.dsl())
                        .doneEach(
                                bot,
                                null,
                                AuditAction.INACTIVITY_WARNING,
                                batch.stream()
                                        .map(t -> {
                                            Organization org = orgs.get(t.organizationId());
                                            return new AuditLog.Row(
                                                    new AuditLog.Subject(
                                                            t.accountId(), t.username(), org.id(), org.code()),
                                                    "expires in " + toDays + " days or less, on "
                                                            + t.lastUse().plus(period),
                                                    Map.of());
                                        })
                                        .toList());
                outbox.oweAll(
                        cfg.dsl(),
                        batch.stream()
                                .map(t -> new Owed.ExpiryWarning(
                                        t.accountId(), t.lastUse().plus(period)))
                                .toList(),
                        Outbox.Options.none().tracing(bot.requestId()));
                return batch;
            });
            warned += touched.size();
            if (touched.size() < BATCH) {
                return warned;
            }
            last = touched.stream().max(LifecycleRepository.Touched.ORDER).orElseThrow();
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
