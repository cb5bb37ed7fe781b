package mn.miic.helpdesk.requests;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.outbox.Outbox;
import mn.miic.helpdesk.outbox.Owed;
import org.jooq.DSLContext;

/**
 * Requests nobody decided in time (or that had nobody to go to) go to the help desk. Each is escalated while its row
 * is held, and other instances skip held rows, so each goes once; the post to the help desk and the requester's notice
 * are owed in that same transaction, so a restart loses none.
 */
public final class EscalateRequests {

    private static final int BATCH = 100;

    private final DSLContext dsl;
    private final Outbox outbox;
    private final Clock clock;
    private final Duration escalateAfter;

    EscalateRequests(DSLContext dsl, Outbox outbox, Clock clock, Duration escalateAfter) {
        this.dsl = dsl;
        this.outbox = outbox;
        this.clock = clock;
        this.escalateAfter = escalateAfter;
    }

    /** @return the requests escalated by this run */
    public List<RequestDetails> run() {
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
                requests.markEscalated(request.id(), now);
                RequestNews.Owe owe = RequestNews.into(cfg.dsl(), outbox, bot.requestId());
                owe.owe(new Owed.RequestToHelpDesk(request.id()), false);
                owe.owe(
                        new Owed.RequestNotice(
                                request.id(), request.requesterSlackId(), Owed.RequestNotice.Step.ESCALATED, List.of()),
                        false);
                RequestNews.homes(cfg.dsl(), request, java.util.Set.of(), owe);
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
            mn.miic.helpdesk.observability.Meters.requestEscalated();
        }
        return done;
    }
}
