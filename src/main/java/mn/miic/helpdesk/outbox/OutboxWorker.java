package mn.miic.helpdesk.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;
import mn.miic.helpdesk.observability.Meters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Delivers what the outbox holds, on any number of instances: each message is claimed (a lease), tried once, and then
 * ended, or let go until its next attempt. Nothing waits on a thread: a rate limit or an outage only moves the next
 * attempt. A message that cannot be delivered by its deadline is given up, and a temporary password is undone, so it
 * ends in a known state either way. The messages that waited for it are delivered next.
 */
public final class OutboxWorker {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(2);
    private static final Duration LONGEST_BACKOFF = Duration.ofMinutes(5);
    private static final int BATCH = 20;

    private final Outbox outbox;
    private final Courier courier;
    private final PasswordUndo undo;
    private final Clock clock;
    private final Executor executor;
    private final String holder;
    private final Map<Class<? extends Owed>, BiConsumer<OwedMessage, Delivery.Delivered>> afterDelivery =
            new ConcurrentHashMap<>();

    /**
     * @param executor where kicked deliveries run, off the thread that committed them
     * @param holder who this worker's leases say holds a message: the same for an instance started again in the place
     *     of one that died, and for no other live one
     */
    public OutboxWorker(
            Outbox outbox, Courier courier, PasswordUndo undo, Clock clock, Executor executor, String holder) {
        this.outbox = outbox;
        this.courier = courier;
        this.undo = undo;
        this.clock = clock;
        this.executor = executor;
        this.holder = holder;
    }

    /**
     * Takes back what this holder's previous life was delivering when it was killed, so that it is not held until its
     * lease runs out. Call it once, at start, before any delivery.
     */
    public int resume() {
        int released = outbox.releaseLeasesOf(holder);
        if (released > 0) {
            log.info("took back {} outbox message(s) held by {} when it stopped", released, holder);
        }
        return released;
    }

    /** What a feature does once Slack took one of its messages (a request's copy remembered, say). */
    public <T extends Owed> void afterDelivery(Class<T> kind, BiConsumer<OwedMessage, Delivery.Delivered> then) {
        afterDelivery.put(kind, then);
    }

    /** Delivers these messages now, off this thread: they were just committed. The scheduled run is the safety net. */
    public void kick(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try {
            executor.execute(() -> deliverAll(outbox.claim(ids, holder)));
        } catch (RejectedExecutionException busy) {
            log.info("delivery queue full; {} message(s) wait for the next scheduled run", ids.size());
        }
    }

    /** Delivers everything due, batch by batch; the scheduler calls it every few seconds. Returns how many ended. */
    public int deliverDue() {
        int handled = 0;
        for (int round = 0; round < 50; round++) {
            List<OwedMessage> due = outbox.claimDue(BATCH, holder);
            if (due.isEmpty()) {
                break;
            }
            handled += deliverAll(due);
        }
        return handled;
    }

    private int deliverAll(List<OwedMessage> messages) {
        int ended = 0;
        for (OwedMessage m : messages) {
            if (deliver(m)) {
                ended++;
            }
        }
        return ended;
    }

    /** One attempt at one claimed message; true when it ended. */
    private boolean deliver(OwedMessage m) {
        if (m.requestId() != null) {
            MDC.put("request_id", m.requestId());
        }
        try {
            Instant now = clock.instant();
            if (now.isAfter(m.deadline())) {
                return giveUp(m, "not delivered by its deadline");
            }
            Optional<OwedMessage> predecessor = m.afterId() == null ? Optional.empty() : outbox.find(m.afterId());
            Delivery delivery = courier.deliver(m, predecessor, () -> outbox.secretOf(m));
            if (delivery instanceof Delivery.Delivered delivered) {
                afterDelivery.getOrDefault(m.owed().getClass(), (x, y) -> {}).accept(m, delivered);
                return end(m, OutboxStatus.DELIVERED, delivered.where());
            }
            if (delivery instanceof Delivery.Skipped skipped) {
                return end(m, OutboxStatus.SKIPPED, skipped.why());
            }
            if (delivery instanceof Delivery.Refused refused) {
                return giveUp(m, refused.why());
            }
            Delivery.Retry retry = (Delivery.Retry) delivery;
            return retry(m, retry.at(), retry.why(), "slack");
        } catch (RuntimeException e) {
            log.warn("delivering outbox message {} failed; it is tried again", m.id(), e);
            return retry(
                    m, clock.instant().plus(backoff(m.attempts())), e.getClass().getSimpleName(), "failed");
        } finally {
            MDC.remove("request_id");
        }
    }

    private boolean retry(OwedMessage m, Instant at, String why, String reason) {
        if (at.isAfter(m.deadline())) {
            return giveUp(m, why + "; the next attempt would come after its deadline");
        }
        Meters.outboxRetry(kind(m), reason);
        outbox.retryAt(m.id(), at, why);
        return false;
    }

    /** A temporary password nobody received is taken back; anything else is given up. Either way it ends. */
    private boolean giveUp(OwedMessage m, String why) {
        if (m.owed() instanceof Owed.TemporaryPassword password) {
            PasswordUndo.Undone undone = undo.undo(m, password, why);
            return end(m, undone.undone() ? OutboxStatus.UNDONE : OutboxStatus.GIVEN_UP, undone.outcome());
        }
        log.warn("gave up outbox message {} ({}): {}", m.id(), kind(m), why);
        return end(m, OutboxStatus.GIVEN_UP, why);
    }

    private boolean end(OwedMessage m, OutboxStatus status, String outcome) {
        if (!outbox.end(m.id(), status, outcome)) {
            return false;
        }
        Meters.outboxEnded(kind(m), status.name().toLowerCase(java.util.Locale.ROOT));
        log.info("outbox message {} ({}) {}: {}", m.id(), kind(m), status, outcome);
        List<OwedMessage> followers = new ArrayList<>(outbox.claimFollowersOf(m.id(), holder));
        deliverAll(followers);
        return true;
    }

    /** How long to wait after a failed attempt: 2 s, doubling, at most 5 minutes. */
    public static Duration backoff(int attempts) {
        Duration wait = FIRST_BACKOFF.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 10));
        return wait.compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : wait;
    }

    private static String kind(OwedMessage m) {
        return m.owed().getClass().getSimpleName();
    }
}
