package mn.miic.helpdesk.outbox;

import static mn.miic.helpdesk.db.jooq.Tables.OUTBOX_MESSAGE;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mn.miic.helpdesk.accounts.password.TemporaryPassword;
import mn.miic.helpdesk.db.ArrayRows;
import mn.miic.helpdesk.db.Now;
import mn.miic.helpdesk.db.jooq.tables.records.OutboxMessageRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The outbox table: what use cases owe, written in their transactions, and what workers claim, deliver and end. A
 * claim is a lease (FOR UPDATE SKIP LOCKED, then a time until which the row is this worker's), so two instances never
 * deliver one row at once, and a worker that died lets go of its rows when the lease runs out.
 */
public final class Outbox {

    static final Duration LEASE = Duration.ofMinutes(2);
    private static final int OUTCOME_LIMIT = 500;

    private final DSLContext dsl;
    private final SecretBox secrets;
    private final Duration deadline;

    /** @param deadline how long a message may take before it is given up (a password: undone) */
    public Outbox(DSLContext dsl, SecretBox secrets, Duration deadline) {
        this.dsl = dsl;
        this.secrets = secrets;
        this.deadline = deadline;
    }

    /** Options of one owed message. */
    public record Options(Long afterId, TemporaryPassword secret, String requestId) {
        public static Options none() {
            return new Options(null, null, null);
        }

        public Options after(long id) {
            return new Options(id, secret, requestId);
        }

        public Options withSecret(TemporaryPassword password) {
            return new Options(afterId, password, requestId);
        }

        public Options tracing(String id) {
            return new Options(afterId, secret, id);
        }
    }

    /** Writes a message owed, in the caller's transaction ({@code tx}); due at once. Returns its id. */
    public long owe(DSLContext tx, Owed owed, Options options) {
        long id = rows(tx, List.of(owed), options).returning(OUTBOX_MESSAGE.ID).fetchSingle(OUTBOX_MESSAGE.ID);
        if (options.secret() != null) {
            // Sealed for this very row, so a secret copied to another row does not open there.
            char[] plain = options.secret().reveal().toCharArray();
            try {
                tx.update(OUTBOX_MESSAGE)
                        .set(OUTBOX_MESSAGE.SECRET, secrets.seal(plain, OwedMessage.secretContext(id)))
                        .where(OUTBOX_MESSAGE.ID.eq(id))
                        .execute();
            } finally {
                Arrays.fill(plain, '\0');
            }
        }
        return id;
    }

    /**
     * Writes many messages owed, none with a secret, in one statement in the caller's transaction: what the sweep owes
     * for a thousand expiries at once, without a round trip each.
     */
    public void oweAll(DSLContext tx, List<? extends Owed> owed, Options options) {
        if (owed.isEmpty()) {
            return;
        }
        if (options.secret() != null) {
            throw new IllegalArgumentException("a secret is sealed for one row: owe it on its own");
        }
        rows(tx, owed, options).execute();
    }

    /**
     * The insert of these messages, due at once, as one statement (kind and payload bound as one array each, see
     * {@link ArrayRows}); the secret (if any) is sealed by the caller.
     */
    private org.jooq.InsertReturningStep<OutboxMessageRecord> rows(
            DSLContext tx, List<? extends Owed> owed, Options options) {
        OffsetDateTime now = Now.of(tx);
        String[] kinds = new String[owed.size()];
        String[] payloads = new String[owed.size()];
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = owed.get(i).getClass().getSimpleName();
            payloads[i] = OwedJson.write(owed.get(i));
        }
        var each = new ArrayRows("owed")
                .with(OUTBOX_MESSAGE.KIND, kinds, SQLDataType.VARCHAR)
                .withJson(OUTBOX_MESSAGE.PAYLOAD, payloads);
        return tx.insertInto(
                        OUTBOX_MESSAGE,
                        OUTBOX_MESSAGE.KIND,
                        OUTBOX_MESSAGE.PAYLOAD,
                        OUTBOX_MESSAGE.STATUS,
                        OUTBOX_MESSAGE.AFTER_ID,
                        OUTBOX_MESSAGE.ATTEMPTS,
                        OUTBOX_MESSAGE.NEXT_ATTEMPT_AT,
                        OUTBOX_MESSAGE.DEADLINE_AT,
                        OUTBOX_MESSAGE.CREATED_AT,
                        OUTBOX_MESSAGE.REQUEST_ID)
                .select(DSL.select(
                                each.field(OUTBOX_MESSAGE.KIND),
                                each.json(OUTBOX_MESSAGE.PAYLOAD),
                                DSL.val(OutboxStatus.PENDING.name(), OUTBOX_MESSAGE.STATUS),
                                DSL.val(options.afterId(), OUTBOX_MESSAGE.AFTER_ID),
                                DSL.val(0, OUTBOX_MESSAGE.ATTEMPTS),
                                DSL.val(now, OUTBOX_MESSAGE.NEXT_ATTEMPT_AT),
                                DSL.val(now.plus(deadline), OUTBOX_MESSAGE.DEADLINE_AT),
                                DSL.val(now, OUTBOX_MESSAGE.CREATED_AT),
                                DSL.val(options.requestId(), OUTBOX_MESSAGE.REQUEST_ID))
                        .from(each.table()));
    }

    /**
     * Writes a message unless the same one is already waiting (an App Home refresh, say): one delivery serves both,
     * since it shows things as they are when it goes. Two writes at the same instant may both go; that is harmless.
     */
    public void oweOnce(DSLContext tx, Owed owed, Options options) {
        boolean waiting = tx.fetchExists(
                OUTBOX_MESSAGE,
                OUTBOX_MESSAGE
                        .KIND
                        .eq(owed.getClass().getSimpleName())
                        .and(OUTBOX_MESSAGE.STATUS.eq(OutboxStatus.PENDING.name()))
                        .and(OUTBOX_MESSAGE.PAYLOAD.eq(JSONB.valueOf(OwedJson.write(owed))))
                        .and(OUTBOX_MESSAGE.LEASED_UNTIL.isNull())
                        .and(OUTBOX_MESSAGE.DEADLINE_AT.gt(Now.of(tx))));
        if (!waiting) {
            owe(tx, owed, options);
        }
    }

    /** Opens the sealed secret of a message (a temporary password), for the one DM that carries it. */
    public TemporaryPassword secretOf(OwedMessage message) {
        char[] plain = secrets.open(message.secret(), OwedMessage.secretContext(message.id()));
        try {
            return new TemporaryPassword(new String(plain));
        } finally {
            Arrays.fill(plain, '\0');
        }
    }

    /** How many messages could be delivered now, or are being delivered: none means the outbox has settled. */
    public int countDue() {
        return dsl.fetchCount(OUTBOX_MESSAGE, due(Now.of(dsl)));
    }

    /** Pending, its next attempt come, and the message it waits for (if any) ended. */
    private static Condition due(OffsetDateTime now) {
        var before = OUTBOX_MESSAGE.as("before");
        return OUTBOX_MESSAGE
                .STATUS
                .eq(OutboxStatus.PENDING.name())
                .and(OUTBOX_MESSAGE.NEXT_ATTEMPT_AT.le(now))
                .and(OUTBOX_MESSAGE
                        .AFTER_ID
                        .isNull()
                        .orExists(DSL.selectOne()
                                .from(before)
                                .where(before.ID.eq(OUTBOX_MESSAGE.AFTER_ID))
                                .and(before.STATUS.ne(OutboxStatus.PENDING.name()))));
    }

    /** Claims up to {@code limit} messages that are due, oldest first, for the lease of {@code holder}. */
    public List<OwedMessage> claimDue(int limit, String holder) {
        return claim(DSL.trueCondition(), limit, holder);
    }

    /** Claims these messages, if they are due and nobody holds them. */
    public List<OwedMessage> claim(List<Long> ids, String holder) {
        return ids.isEmpty() ? List.of() : claim(OUTBOX_MESSAGE.ID.in(ids), ids.size(), holder);
    }

    /** Claims the messages that waited for this one. */
    public List<OwedMessage> claimFollowersOf(long id, String holder) {
        return claim(OUTBOX_MESSAGE.AFTER_ID.eq(id), 100, holder);
    }

    /**
     * Lets go of the messages {@code holder} held: call it only when that holder is known to be gone (this instance,
     * killed and started again). Returns how many were let go.
     */
    public int releaseLeasesOf(String holder) {
        return dsl.update(OUTBOX_MESSAGE)
                .setNull(OUTBOX_MESSAGE.LEASED_UNTIL)
                .setNull(OUTBOX_MESSAGE.LEASED_BY)
                .where(OUTBOX_MESSAGE.LEASED_BY.eq(holder))
                .and(OUTBOX_MESSAGE.STATUS.eq(OutboxStatus.PENDING.name()))
                .execute();
    }

    private List<OwedMessage> claim(Condition which, int limit, String holder) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            OffsetDateTime now = Now.of(tx);
            var due = tx.select(OUTBOX_MESSAGE.ID)
                    .from(OUTBOX_MESSAGE)
                    .where(which)
                    .and(due(now))
                    .and(OUTBOX_MESSAGE.LEASED_UNTIL.isNull().or(OUTBOX_MESSAGE.LEASED_UNTIL.lt(now)))
                    .orderBy(OUTBOX_MESSAGE.ID)
                    .limit(limit)
                    .forUpdate()
                    .skipLocked()
                    .fetch(OUTBOX_MESSAGE.ID);
            if (due.isEmpty()) {
                return List.of();
            }
            return tx
                    .update(OUTBOX_MESSAGE)
                    .set(OUTBOX_MESSAGE.LEASED_UNTIL, now.plus(LEASE))
                    .set(OUTBOX_MESSAGE.LEASED_BY, holder)
                    .set(OUTBOX_MESSAGE.ATTEMPTS, OUTBOX_MESSAGE.ATTEMPTS.plus(1))
                    .where(OUTBOX_MESSAGE.ID.in(due))
                    .returning()
                    .fetch()
                    .stream()
                    .sorted(java.util.Comparator.comparing(OutboxMessageRecord::getId))
                    .map(Outbox::map)
                    .toList();
        });
    }

    /** The message this one waited for, as it ended. */
    public Optional<OwedMessage> find(long id) {
        return dsl.selectFrom(OUTBOX_MESSAGE).where(OUTBOX_MESSAGE.ID.eq(id)).fetchOptional(Outbox::map);
    }

    /**
     * Ends a message this worker holds, erasing its secret; false when it had ended already. The messages that waited
     * for it are due now, with a deadline of their own from now.
     */
    public boolean end(long id, OutboxStatus status, String outcome) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            OffsetDateTime now = Now.of(tx);
            boolean ended = tx.update(OUTBOX_MESSAGE)
                            .set(OUTBOX_MESSAGE.STATUS, status.name())
                            .set(OUTBOX_MESSAGE.OUTCOME, clip(outcome))
                            .set(OUTBOX_MESSAGE.SECRET, (byte[]) null)
                            .set(OUTBOX_MESSAGE.ENDED_AT, now)
                            .setNull(OUTBOX_MESSAGE.LEASED_UNTIL)
                            .setNull(OUTBOX_MESSAGE.LEASED_BY)
                            .where(OUTBOX_MESSAGE.ID.eq(id))
                            .and(OUTBOX_MESSAGE.STATUS.eq(OutboxStatus.PENDING.name()))
                            .execute()
                    == 1;
            if (ended) {
                tx.update(OUTBOX_MESSAGE)
                        .set(OUTBOX_MESSAGE.NEXT_ATTEMPT_AT, now)
                        .set(
                                OUTBOX_MESSAGE.DEADLINE_AT,
                                DSL.greatest(OUTBOX_MESSAGE.DEADLINE_AT, DSL.val(now.plus(deadline))))
                        .where(OUTBOX_MESSAGE.AFTER_ID.eq(id))
                        .and(OUTBOX_MESSAGE.STATUS.eq(OutboxStatus.PENDING.name()))
                        .execute();
            }
            return ended;
        });
    }

    /** Lets go of a message until its next attempt, noting why. */
    public void retryAt(long id, Instant at, String why) {
        dsl.update(OUTBOX_MESSAGE)
                .set(OUTBOX_MESSAGE.NEXT_ATTEMPT_AT, at.atOffset(ZoneOffset.UTC))
                .set(OUTBOX_MESSAGE.LAST_ERROR, clip(why))
                .setNull(OUTBOX_MESSAGE.LEASED_UNTIL)
                .setNull(OUTBOX_MESSAGE.LEASED_BY)
                .where(OUTBOX_MESSAGE.ID.eq(id))
                .and(OUTBOX_MESSAGE.STATUS.eq(OutboxStatus.PENDING.name()))
                .execute();
    }

    /** How many messages are in each state, for the help desk and the metrics. */
    public Map<OutboxStatus, Integer> countsByStatus() {
        Map<OutboxStatus, Integer> counts = new java.util.EnumMap<>(OutboxStatus.class);
        for (OutboxStatus s : OutboxStatus.values()) {
            counts.put(s, 0);
        }
        dsl.select(OUTBOX_MESSAGE.STATUS, DSL.count())
                .from(OUTBOX_MESSAGE)
                .groupBy(OUTBOX_MESSAGE.STATUS)
                .fetch()
                .forEach(r -> counts.put(OutboxStatus.valueOf(r.value1()), r.value2()));
        return counts;
    }

    /** The messages still pending and those that did not end delivered, newest first. */
    public List<Entry> troubles(int limit) {
        return dsl.selectFrom(OUTBOX_MESSAGE)
                .where(OUTBOX_MESSAGE.STATUS.in(
                        OutboxStatus.PENDING.name(), OutboxStatus.UNDONE.name(), OutboxStatus.GIVEN_UP.name()))
                .orderBy(OUTBOX_MESSAGE.ID.desc())
                .limit(limit)
                .fetch(r -> new Entry(
                        r.getId(),
                        r.getKind(),
                        OutboxStatus.valueOf(r.getStatus()),
                        r.getAttempts(),
                        r.getCreatedAt().toInstant(),
                        r.getNextAttemptAt().toInstant(),
                        r.getOutcome(),
                        r.getLastError()));
    }

    /** A row as the help desk sees it: never its payload or secret. */
    public record Entry(
            long id,
            String kind,
            OutboxStatus status,
            int attempts,
            Instant createdAt,
            Instant nextAttemptAt,
            String outcome,
            String lastError) {}

    private static OwedMessage map(OutboxMessageRecord r) {
        return new OwedMessage(
                r.getId(),
                OwedJson.read(r.getKind(), r.getPayload().data()),
                OutboxStatus.valueOf(r.getStatus()),
                r.getAttempts(),
                r.getDeadlineAt().toInstant(),
                r.getAfterId(),
                r.getOutcome(),
                r.getRequestId(),
                r.getSecret());
    }

    private static String clip(String text) {
        return text == null || text.length() <= OUTCOME_LIMIT ? text : text.substring(0, OUTCOME_LIMIT - 3) + "...";
    }
}
