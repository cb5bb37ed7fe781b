package mn.miic.helpdesk.compliance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import mn.miic.helpdesk.accounts.access.AccessPolicy;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.audit.AuditLog;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationRepository;
import mn.miic.helpdesk.outbox.Outbox;
import mn.miic.helpdesk.outbox.Owed;
import mn.miic.helpdesk.requests.RequestRepository;
import org.jooq.DSLContext;

/**
 * Reminds an organization's user-managing administrators, and the Health System Users of its parents, that its Data
 * Use Agreement lapses: 90, 30 and 7 days before and on the day, each once per DUA date. An organization nobody there
 * can be told about goes to the help desk instead. Each organization's reminder is claimed, audited and owed in one
 * transaction of its own.
 */
public final class DuaReminders {

    /** What a run did. */
    public record Report(int organizations, int messages) {}

    private final DSLContext dsl;
    private final Outbox outbox;
    private final Clock clock;
    private final Period validFor;

    public DuaReminders(DSLContext dsl, Outbox outbox, Clock clock, Period validFor) {
        this.dsl = dsl;
        this.outbox = outbox;
        this.clock = clock;
        this.validFor = validFor;
    }

    public Report run() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), AccessPolicy.MINNESOTA);
        Actor bot = new Actor(null, null, "dua-reminders-" + UUID.randomUUID());
        List<Long> candidates = new DuaRepository(dsl)
                .signedBetween(
                        DuaTerm.oldestWithReminderDue(today, validFor), DuaTerm.newestWithReminderDue(today, validFor));
        int organizations = 0;
        int messages = 0;
        for (long id : candidates) {
            int owed = dsl.transactionResult(cfg -> remind(cfg.dsl(), bot, id, today));
            if (owed > 0) {
                organizations++;
                messages += owed;
            }
        }
        return new Report(organizations, messages);
    }

    /** The reminder due today for one organization, if it was not sent yet; returns how many messages it owes. */
    private int remind(DSLContext tx, Actor bot, long organizationId, LocalDate today) {
        Organization org =
                new OrganizationRepository(tx).findById(organizationId).orElseThrow();
        if (org.duaDate() == null) {
            return 0;
        }
        DuaTerm term = new DuaTerm(org.duaDate(), validFor);
        OptionalInt due = term.reminderDue(today);
        if (due.isEmpty() || !new DuaRepository(tx).claimReminder(org.id(), org.duaDate(), due.getAsInt())) {
            return 0;
        }
        int daysBefore = due.getAsInt();
        List<Long> recipients = new RequestRepository(tx).approverCandidates(-1, org);
        Outbox.Options options = Outbox.Options.none().tracing(bot.requestId());
        for (long administrator : recipients) {
            outbox.owe(
                    tx,
                    new Owed.DuaReminder(org.id(), administrator, org.duaDate(), term.lapsesOn(), daysBefore),
                    options);
        }
        if (recipients.isEmpty()) {
            outbox.owe(tx, new Owed.DuaReminder(org.id(), null, org.duaDate(), term.lapsesOn(), daysBefore), options);
        }
        new AuditLog(tx)
                .done(
                        bot,
                        null,
                        AuditAction.DUA_REMINDER,
                        new AuditLog.Subject(null, null, org.id(), org.code()),
                        (daysBefore == 0 ? "lapse-day" : daysBefore + "-day") + " reminder: the DUA dated "
                                + org.duaDate() + " lapses on " + term.lapsesOn() + "; sent to "
                                + (recipients.isEmpty()
                                        ? "the help desk (nobody at the organization to tell)"
                                        : recipients.size() + " administrator" + (recipients.size() == 1 ? "" : "s")),
                        Map.of());
        return Math.max(1, recipients.size());
    }
}
