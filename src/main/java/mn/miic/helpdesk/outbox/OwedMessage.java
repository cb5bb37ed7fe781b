package mn.miic.helpdesk.outbox;

import java.time.Instant;

/** One row of the outbox, as a worker holds it. */
public record OwedMessage(
        long id,
        Owed owed,
        OutboxStatus status,
        int attempts,
        Instant deadline,
        Long afterId,
        String outcome,
        String requestId,
        byte[] secret) {

    /** What a sealed secret is bound to, so that it opens only for this message. */
    public static String secretContext(long id) {
        return "outbox:" + id;
    }

    @Override
    public String toString() {
        return "OwedMessage[" + id + ", " + owed.getClass().getSimpleName() + ", " + status + "]";
    }
}
