package mn.miic.helpdesk.requests;

import java.time.Duration;
import java.time.Instant;

/** One request for help about one account, from ask to outcome. */
public record HelpRequest(
        long id,
        RequestKind kind,
        long accountId,
        String requesterSlackId,
        String note,
        RequestStatus status,
        Instant askedAt,
        Instant escalateAt,
        Instant escalatedAt,
        Long claimedBy,
        Instant claimedAt,
        Long decidedBy,
        Instant decidedAt,
        String decisionNote) {

    public boolean isOpen() {
        return status == RequestStatus.OPEN;
    }

    public boolean isEscalated() {
        return escalatedAt != null;
    }

    public Duration age(Instant now) {
        return Duration.between(askedAt, now);
    }
}
