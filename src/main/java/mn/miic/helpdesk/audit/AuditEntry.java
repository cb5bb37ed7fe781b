package mn.miic.helpdesk.audit;

import java.time.Instant;
import java.util.Map;

/** One row of the audit log, as read back. */
public record AuditEntry(
        long id,
        Instant occurredAt,
        String requestId,
        Long actorAccountId,
        String actorUsername,
        String actorSlackUserId,
        AuditAction action,
        Long targetAccountId,
        String targetUsername,
        Long organizationId,
        String organizationCode,
        Outcome outcome,
        String reason,
        Map<String, Change> changes) {

    public enum Outcome {
        DONE,
        REFUSED
    }
}
