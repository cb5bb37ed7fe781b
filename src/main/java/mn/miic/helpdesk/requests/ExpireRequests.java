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

/** A request nobody decided within its lifetime is closed, so that queues show what can still be acted on. */
public final class ExpireRequests {

    private static final int BATCH = 100;

    private final DSLContext dsl;
    private final Clock clock;
    private final Duration lifetime;

    private final Outbox outbox;

    ExpireRequests(DSLContext dsl, Outbox outbox, Clock clock, Duration lifetime) {
        this.dsl = dsl;
        this.outbox = outbox;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    public List<RequestDetails> run() {
        List<RequestDetails> done = new ArrayList<>();
        Actor bot = RequestLog.bot("expiry");
        while (done.size() < BATCH) {
            Optional<RequestDetails> next = dsl.transactionResult(cfg -> {
                RequestRepository requests = new RequestRepository(cfg.dsl());
                var now = clock.instant();
                Optional<HelpRequest> old = requests.lockNextToExpire(now.minus(lifetime));
                if (old.isEmpty()) {
                    return Optional.<RequestDetails>empty();
                }
                String why = "nobody decided within " + lifetime.toHours() + " hours";
                requests.decide(old.get().id(), RequestStatus.EXPIRED, null, now, why);
                RequestLog.write(cfg.dsl(), bot, AuditAction.REQUEST_EXPIRED, old.get(), why);
                RequestNews.Owe owe = RequestNews.into(cfg.dsl(), outbox, bot.requestId());
                owe.owe(new Owed.RequestOutcome(old.get().id(), old.get().requesterSlackId()), false);
                RequestNews.changed(cfg.dsl(), old.get(), owe);
                return Optional.of(RequestReader.details(cfg.dsl(), old.get().id()));
            });
            if (next.isEmpty()) {
                break;
            }
            done.add(next.get());
            mn.miic.helpdesk.observability.Meters.requestExpired();
        }
        return done;
    }
}
