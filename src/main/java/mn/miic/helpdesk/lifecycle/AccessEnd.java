package mn.miic.helpdesk.lifecycle;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mn.miic.helpdesk.accounts.access.AccessPolicy;
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
 * Time-limited access (a student, a temporary worker): the owner and the site's administrators are warned 7 days and
 * 1 day before an account's last day of access, once per date; the day after it, the sweep makes the account Inactive
 * Manual ("Access ended"), audited, and tells them. Batches skip rows an administrator holds, as the sweep's do.
 */
public final class AccessEnd {

    public static final String REASON = "Access ended";

    /** Days before the last day at which the warnings go, farthest first; each covers the days up to the next. */
    static final int[][] WARNINGS = {{2, 7}, {0, 1}};

    /** What a run did. */
    public record Report(int ended, int warned) {}

    private final DSLContext dsl;
    private final Outbox outbox;
    private final Clock clock;

    public AccessEnd(DSLContext dsl, Outbox outbox, Clock clock) {
        this.dsl = dsl;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Report run() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), AccessPolicy.MINNESOTA);
        Actor bot = new Actor(null, null, "access-end-" + UUID.randomUUID());
        int ended = 0;
        while (true) {
            int batch = dsl.transactionResult(cfg -> end(cfg.dsl(), bot, today));
            ended += batch;
            if (batch < InactivitySweep.BATCH) {
                break;
            }
        }
        int warned = 0;
        for (int[] window : WARNINGS) {
            while (true) {
                int batch = dsl.transactionResult(cfg -> warn(cfg.dsl(), bot, today, window[0], window[1]));
                warned += batch;
                if (batch < InactivitySweep.BATCH) {
                    break;
                }
            }
        }
        return new Report(ended, warned);
    }

    private int end(DSLContext tx, Actor bot, LocalDate today) {
        var ended = new LifecycleRepository(tx).endAccessBatch(today, REASON, InactivitySweep.BATCH);
        reportSitesLeftWithoutAdministrator(tx, ended);
        tellAbout(
                tx,
                bot,
                ended,
                (e, admin) -> new Owed.AccessEnded(e.accountId(), e.accessUntil(), admin),
                e -> new Record(
                        AuditAction.ACCESS_ENDED,
                        "last day of access was " + e.accessUntil(),
                        Map.of("status", new Change("Active", "Inactive Manual"))));
        return ended.size();
    }

    /** A site whose last active administrator's access just ended: the help desk hears it, as after the sweep. */
    private void reportSitesLeftWithoutAdministrator(DSLContext tx, List<LifecycleRepository.Ending> ended) {
        var accounts = new mn.miic.helpdesk.accounts.store.AccountRepository(tx);
        java.util.Map<Long, List<Long>> managersBySite = new java.util.LinkedHashMap<>();
        for (var e : ended) {
            accounts.findById(e.accountId())
                    .filter(mn.miic.helpdesk.accounts.domain.Account::managesUsers)
                    .ifPresent(a -> managersBySite
                            .computeIfAbsent(a.organizationId(), k -> new java.util.ArrayList<>())
                            .add(a.id()));
        }
        managersBySite.forEach((orgId, managers) -> {
            if (accounts.countActiveManagers(orgId, -1) == 0) {
                outbox.owe(
                        tx,
                        new Owed.LastAdministratorGone(orgId, managers, "lost their time-limited access"),
                        Outbox.Options.none());
            }
        });
    }

    private int warn(DSLContext tx, Actor bot, LocalDate today, int fromDays, int toDays) {
        var ending = new LifecycleRepository(tx).warnAccessBatch(today, fromDays, toDays, InactivitySweep.BATCH);
        tellAbout(
                tx,
                bot,
                ending,
                (e, admin) -> new Owed.AccessEnding(e.accountId(), e.accessUntil(), toDays, admin),
                e -> new Record(
                        AuditAction.ACCESS_WARNING,
                        toDays + "-day warning: the last day of access is " + e.accessUntil(),
                        Map.of()));
        return ending.size();
    }

    private record Record(AuditAction action, String reason, Map<String, Change> changes) {}

    /** Audits each account and owes its owner and each of its site's administrators one message. */
    private void tellAbout(
            DSLContext tx,
            Actor bot,
            List<LifecycleRepository.Ending> accounts,
            java.util.function.BiFunction<LifecycleRepository.Ending, Long, Owed> message,
            java.util.function.Function<LifecycleRepository.Ending, Record> record) {
        if (accounts.isEmpty()) {
            return;
        }
        Map<Long, Organization> orgs = new OrganizationRepository(tx)
                .byId(accounts.stream()
                        .map(LifecycleRepository.Ending::organizationId)
                        .distinct()
                        .toList());
        AuditLog audit = new AuditLog(tx);
        RequestRepository people = new RequestRepository(tx);
        Outbox.Options options = Outbox.Options.none().tracing(bot.requestId());
        for (var e : accounts) {
            Organization org = orgs.get(e.organizationId());
            Record r = record.apply(e);
            audit.done(
                    bot,
                    null,
                    r.action(),
                    new AuditLog.Subject(e.accountId(), e.username(), org.id(), org.code()),
                    r.reason(),
                    r.changes());
            outbox.owe(tx, message.apply(e, null), options);
            for (long administrator : people.approverCandidates(e.accountId(), org)) {
                outbox.owe(tx, message.apply(e, administrator), options);
            }
        }
    }
}
