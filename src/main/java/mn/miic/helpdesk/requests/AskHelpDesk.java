package mn.miic.helpdesk.requests;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.audit.AuditLog;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationRepository;
import mn.miic.helpdesk.outbox.Outbox;
import mn.miic.helpdesk.outbox.Owed;
import org.jooq.DSLContext;

/**
 * The guide's "help desk" button: a free-text question straight to the help desk, from anyone, linked or not (not
 * being linked is often the question). Audited, and limited per Slack user per day like requests.
 */
public final class AskHelpDesk {

    public static final int TEXT_LIMIT = 1_000;

    /** @param asker the linked account, or null; {@code organization} likewise */
    public record Question(String slackUserId, Account asker, Organization organization, String text) {}

    private final DSLContext dsl;
    private final Clock clock;
    private final int perDay;

    private final Outbox outbox;

    AskHelpDesk(DSLContext dsl, Outbox outbox, Clock clock, int perDay) {
        this.dsl = dsl;
        this.outbox = outbox;
        this.clock = clock;
        this.perDay = perDay;
    }

    public Question ask(Actor actor, Account asker, String text) {
        String question = text == null ? "" : text.trim();
        if (question.isEmpty()) {
            throw Refusal.notAllowed("Write your question after `/miic request help`, for example"
                    + " `/miic request help I changed clinics and cannot see my new site`.");
        }
        if (question.length() > TEXT_LIMIT) {
            throw Refusal.notAllowed("Please keep it under " + TEXT_LIMIT + " characters; it has " + question.length()
                    + ". Nothing was sent.");
        }
        return dsl.transactionResult(cfg -> {
            AuditLog audit = new AuditLog(cfg.dsl());
            // One at a time per Slack user, so that two questions at once are counted one after the other.
            cfg.dsl().execute("select pg_advisory_xact_lock(hashtext({0}))", actor.slackUserId());
            if (audit.countBySlackUserSince(
                            actor.slackUserId(),
                            AuditAction.HELP_DESK_QUESTION,
                            clock.instant().minus(Duration.ofDays(1)))
                    >= perDay) {
                throw Refusal.notAllowed("You have already written to the help desk " + perDay + " times in the last"
                        + " 24 hours. They will answer; if it is urgent, call or email them.");
            }
            Organization org = asker == null
                    ? null
                    : new OrganizationRepository(cfg.dsl())
                            .findById(asker.organizationId())
                            .orElse(null);
            audit.done(
                    actor,
                    asker == null ? null : asker.username(),
                    AuditAction.HELP_DESK_QUESTION,
                    asker == null
                            ? AuditLog.Subject.NONE
                            : new AuditLog.Subject(asker.id(), asker.username(), org.id(), org.code()),
                    question,
                    Map.of());
            outbox.owe(
                    cfg.dsl(),
                    new Owed.HelpDeskQuestion(actor.slackUserId(), asker == null ? null : asker.id(), question),
                    Outbox.Options.none().tracing(actor.requestId()));
            return new Question(actor.slackUserId(), asker, org, question);
        });
    }
}
