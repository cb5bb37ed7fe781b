package mn.miic.helpdesk.requests;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.audit.AuditAction;
import org.jooq.DSLContext;

/**
 * Requests nobody decided in time (or that had nobody to go to) go to the help desk. Each is posted while its row is
 * held, and other instances skip held rows, so each goes once; the state is in the database, so a restart loses none.
 */
public final class EscalateRequests {

    /** Where the help desk sees a request; the Slack side implements it. */
    public interface HelpDesk {
        /** Posts the request; runs while it is held. Empty when there is no channel to post to. */
        Optional<RequestRepository.Message> post(RequestDetails request);

        /** After the escalation is saved: tell the requester, update the approvers' copies. */
        void escalated(RequestDetails request);
    }

    private static final int BATCH = 100;

    private final DSLContext dsl;
    private final Clock clock;
    private final Duration escalateAfter;

    EscalateRequests(DSLContext dsl, Clock clock, Duration escalateAfter) {
        this.dsl = dsl;
        this.clock = clock;
        this.escalateAfter = escalateAfter;
    }

    /** @return the requests escalated by this run */
    public List<RequestDetails> run(HelpDesk helpDesk) {
        List<RequestDetails> done = new ArrayList<>();
        Actor bot = RequestLog.bot("escalation");
        while (done.size() < BATCH) {
            Optional<RequestDetails> next = dsl.transactionResult(cfg -> {
                RequestRepository requests = new RequestRepository(cfg.dsl());
                var now = clock.instant();
                Optional<HelpRequest> due = requests.lockNextDueForEscalation(now);
                if (due.isEmpty()) {
                    return Optional.<RequestDetails>empty();
                }
                HelpRequest request = due.get();
                helpDesk.post(RequestReader.details(cfg.dsl(), request)).ifPresent(requests::addMessage);
                requests.markEscalated(request.id(), now);
                boolean hadNobody = !request.escalateAt().isAfter(request.askedAt());
                RequestLog.write(
                        cfg.dsl(),
                        bot,
                        AuditAction.REQUEST_ESCALATED,
                        request,
                        hadNobody
                                ? "no linked administrator to ask"
                                : "nobody decided within " + escalateAfter.toMinutes() + " minutes");
                return Optional.of(RequestReader.details(cfg.dsl(), request.id()));
            });
            if (next.isEmpty()) {
                break;
            }
            done.add(next.get());
            helpDesk.escalated(next.get());
        }
        return done;
    }
}
