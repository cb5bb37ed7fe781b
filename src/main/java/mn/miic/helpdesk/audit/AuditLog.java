package mn.miic.helpdesk.audit;

import static mn.miic.helpdesk.db.jooq.Tables.AUDIT_EVENT;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import mn.miic.helpdesk.db.ArrayRows;
import mn.miic.helpdesk.db.Now;
import mn.miic.helpdesk.db.jooq.tables.records.AuditEventRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The append-only audit log (SPEC 6). Writes go through the caller's transaction, so a change and its row commit or
 * roll back together; the database refuses to update or delete a row once written.
 */
public final class AuditLog {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Change>> CHANGES = new TypeReference<>() {};

    private final DSLContext dsl;

    public AuditLog(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** What a row says about its subject; {@code actorUsername} and the target are resolved by the caller. */
    public record Subject(Long targetAccountId, String targetUsername, Long organizationId, String organizationCode) {
        public static final Subject NONE = new Subject(null, null, null, null);
    }

    public void done(
            Actor actor,
            String actorUsername,
            AuditAction action,
            Subject subject,
            String reason,
            Map<String, Change> changes) {
        write(actor, actorUsername, action, subject, AuditEntry.Outcome.DONE, reason, changes);
    }

    /** One done row of a set of rows written together: its subject, why, and what changed. */
    public record Row(Subject subject, String reason, Map<String, Change> changes) {}

    /**
     * Many done rows by one actor in one statement (the sweep's thousand expiries): the same rows {@link #done} writes,
     * without a round trip each.
     */
    public void doneEach(Actor actor, String actorUsername, AuditAction action, List<Row> rows) {
        if (!rows.isEmpty()) {
            insert(actor, actorUsername, action, AuditEntry.Outcome.DONE, rows);
        }
    }

    public void refused(Actor actor, String actorUsername, AuditAction action, Subject subject, String reason) {
        write(actor, actorUsername, action, subject, AuditEntry.Outcome.REFUSED, reason, Map.of());
    }

    private void write(
            Actor actor,
            String actorUsername,
            AuditAction action,
            Subject subject,
            AuditEntry.Outcome outcome,
            String reason,
            Map<String, Change> changes) {
        insert(actor, actorUsername, action, outcome, List.of(new Row(subject, reason, changes)));
    }

    /**
     * One statement for every row, however many: what is the same for every row bound once, and what differs bound as
     * one array per column, so a thousand rows are six parameters (not 13,000) and the statement's text never changes
     * (the server keeps it prepared).
     */
    private void insert(
            Actor actor, String actorUsername, AuditAction action, AuditEntry.Outcome outcome, List<Row> rows) {
        int n = rows.size();
        Long[] targetIds = new Long[n];
        String[] targetUsernames = new String[n];
        Long[] organizationIds = new Long[n];
        String[] organizationCodes = new String[n];
        String[] reasons = new String[n];
        String[] changes = new String[n];
        for (int i = 0; i < n; i++) {
            Row row = rows.get(i);
            targetIds[i] = row.subject().targetAccountId();
            targetUsernames[i] = row.subject().targetUsername();
            organizationIds[i] = row.subject().organizationId();
            organizationCodes[i] = row.subject().organizationCode();
            reasons[i] = truncate(row.reason());
            changes[i] = row.changes().isEmpty() ? null : toJson(row.changes());
        }
        var each = new ArrayRows("row")
                .with(AUDIT_EVENT.TARGET_ACCOUNT_ID, targetIds, SQLDataType.BIGINT)
                .with(AUDIT_EVENT.TARGET_USERNAME, targetUsernames, SQLDataType.VARCHAR)
                .with(AUDIT_EVENT.ORGANIZATION_ID, organizationIds, SQLDataType.BIGINT)
                .with(AUDIT_EVENT.ORGANIZATION_CODE, organizationCodes, SQLDataType.VARCHAR)
                .with(AUDIT_EVENT.REASON, reasons, SQLDataType.VARCHAR)
                .withJson(AUDIT_EVENT.CHANGES, changes);
        dsl.insertInto(
                        AUDIT_EVENT,
                        AUDIT_EVENT.OCCURRED_AT,
                        AUDIT_EVENT.REQUEST_ID,
                        AUDIT_EVENT.ACTOR_ACCOUNT_ID,
                        AUDIT_EVENT.ACTOR_USERNAME,
                        AUDIT_EVENT.ACTOR_SLACK_USER_ID,
                        AUDIT_EVENT.ACTION,
                        AUDIT_EVENT.TARGET_ACCOUNT_ID,
                        AUDIT_EVENT.TARGET_USERNAME,
                        AUDIT_EVENT.ORGANIZATION_ID,
                        AUDIT_EVENT.ORGANIZATION_CODE,
                        AUDIT_EVENT.OUTCOME,
                        AUDIT_EVENT.REASON,
                        AUDIT_EVENT.CHANGES)
                .select(DSL.select(
                                DSL.val(Now.of(dsl), AUDIT_EVENT.OCCURRED_AT),
                                DSL.val(actor.requestId(), AUDIT_EVENT.REQUEST_ID),
                                DSL.val(actor.accountId(), AUDIT_EVENT.ACTOR_ACCOUNT_ID),
                                DSL.val(actorUsername, AUDIT_EVENT.ACTOR_USERNAME),
                                DSL.val(actor.slackUserId(), AUDIT_EVENT.ACTOR_SLACK_USER_ID),
                                DSL.val(action.name(), AUDIT_EVENT.ACTION),
                                each.field(AUDIT_EVENT.TARGET_ACCOUNT_ID),
                                each.field(AUDIT_EVENT.TARGET_USERNAME),
                                each.field(AUDIT_EVENT.ORGANIZATION_ID),
                                each.field(AUDIT_EVENT.ORGANIZATION_CODE),
                                DSL.val(outcome.name(), AUDIT_EVENT.OUTCOME),
                                each.field(AUDIT_EVENT.REASON),
                                each.json(AUDIT_EVENT.CHANGES))
                        .from(each.table()))
                .execute();
    }

    /** The wrong passwords that locked an account: how many, the first and the last. */
    public record FailedSignIns(int count, java.time.Instant first, java.time.Instant last) {}

    /**
     * The wrong passwords given since the account's last good sign-in or unlock, as the sign-in API recorded them:
     * what an approver wants to see before unlocking. Empty when there were none.
     */
    public java.util.Optional<FailedSignIns> failedSignInsOf(long accountId) {
        var since = DSL.select(DSL.max(AUDIT_EVENT.OCCURRED_AT))
                .from(AUDIT_EVENT)
                .where(AUDIT_EVENT.TARGET_ACCOUNT_ID.eq(accountId))
                .and(AUDIT_EVENT.OUTCOME.eq(AuditEntry.Outcome.DONE.name()))
                .and(AUDIT_EVENT
                        .ACTION
                        .eq(AuditAction.UNLOCK.name())
                        .or(AUDIT_EVENT
                                .ACTION
                                .eq(AuditAction.SIGN_IN.name())
                                .and(AUDIT_EVENT.REASON.notLike("locked after %"))));
        var wrong = AUDIT_EVENT
                .TARGET_ACCOUNT_ID
                .eq(accountId)
                .and(AUDIT_EVENT.ACTION.eq(AuditAction.SIGN_IN.name()))
                .and(AUDIT_EVENT.REASON.like("wrong password (%").or(AUDIT_EVENT.REASON.like("locked after %")))
                .and(DSL.field(since).isNull().or(AUDIT_EVENT.OCCURRED_AT.gt(DSL.field(since))));
        var row = dsl.select(DSL.count(), DSL.min(AUDIT_EVENT.OCCURRED_AT), DSL.max(AUDIT_EVENT.OCCURRED_AT))
                .from(AUDIT_EVENT)
                .where(wrong)
                .fetchOne();
        if (row == null || row.value1() == 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new FailedSignIns(
                row.value1(), row.value2().toInstant(), row.value3().toInstant()));
    }

    /** The most recent rows about one account, newest first. */
    public List<AuditEntry> forAccount(long accountId, int limit) {
        return dsl.selectFrom(AUDIT_EVENT)
                .where(AUDIT_EVENT.TARGET_ACCOUNT_ID.eq(accountId))
                .orderBy(AUDIT_EVENT.ID.desc())
                .limit(limit)
                .fetch(AuditLog::map);
    }

    /** The most recent rows about one organization (its accounts, its agreement, its reviews), newest first. */
    public List<AuditEntry> forOrganization(long organizationId, int limit) {
        return dsl.selectFrom(AUDIT_EVENT)
                .where(AUDIT_EVENT.ORGANIZATION_ID.eq(organizationId))
                .orderBy(AUDIT_EVENT.ID.desc())
                .limit(limit)
                .fetch(AuditLog::map);
    }

    /** How many times a Slack user did something since a moment, e.g. questions to the help desk in a day. */
    public int countBySlackUserSince(String slackUserId, AuditAction action, java.time.Instant since) {
        return dsl.fetchCount(
                AUDIT_EVENT,
                AUDIT_EVENT
                        .ACTOR_SLACK_USER_ID
                        .eq(slackUserId)
                        .and(AUDIT_EVENT.ACTION.eq(action.name()))
                        .and(AUDIT_EVENT.OUTCOME.eq(AuditEntry.Outcome.DONE.name()))
                        .and(AUDIT_EVENT.OCCURRED_AT.ge(since.atOffset(java.time.ZoneOffset.UTC))));
    }

    /** The rows one request wrote, oldest first. */
    public List<AuditEntry> forRequest(String requestId) {
        return dsl.selectFrom(AUDIT_EVENT)
                .where(AUDIT_EVENT.REQUEST_ID.eq(requestId))
                .orderBy(AUDIT_EVENT.ID)
                .fetch(AuditLog::map);
    }

    private static AuditEntry map(AuditEventRecord r) {
        return new AuditEntry(
                r.getId(),
                r.getOccurredAt().toInstant(),
                r.getRequestId(),
                r.getActorAccountId(),
                r.getActorUsername(),
                r.getActorSlackUserId(),
                AuditAction.valueOf(r.getAction()),
                r.getTargetAccountId(),
                r.getTargetUsername(),
                r.getOrganizationId(),
                r.getOrganizationCode(),
                AuditEntry.Outcome.valueOf(r.getOutcome()),
                r.getReason(),
                r.getChanges() == null ? Map.of() : fromJson(r.getChanges().data()));
    }

    private static String truncate(String reason) {
        return reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 997) + "...";
    }

    private static String toJson(Map<String, Change> changes) {
        try {
            return JSON.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit changes are not serializable", e);
        }
    }

    private static Map<String, Change> fromJson(String json) {
        try {
            return JSON.readValue(json, CHANGES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit changes are not readable", e);
        }
    }
}
