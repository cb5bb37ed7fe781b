package mn.miic.helpdesk.lifecycle;

import static mn.miic.helpdesk.db.jooq.Tables.ACCESS_WARNING;
import static mn.miic.helpdesk.db.jooq.Tables.ACCOUNT;
import static mn.miic.helpdesk.db.jooq.Tables.INACTIVITY_WARNING;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import mn.miic.helpdesk.accounts.domain.AccountStatus;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.accounts.store.AccountRepository;
import mn.miic.helpdesk.db.Now;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The SQL of the account lifecycle, in one place: the inactivity sweep, its warnings, expired passwords, and the end of
 * time-limited access.
 */
public final class LifecycleRepository {

    /** An account the sweep touched: enough to audit it and tell its people. */
    public record Touched(long accountId, long organizationId, String username, Instant lastUse) {
        /** The order the warnings go in. */
        public static final java.util.Comparator<Touched> ORDER =
                java.util.Comparator.comparing(Touched::lastUse).thenComparingLong(Touched::accountId);
    }

    private static final Field<OffsetDateTime> LAST_USE = AccountRepository.LAST_USE;

    private final DSLContext dsl;

    public LifecycleRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** An account the sweep expired, and whether it managed users (its location may have lost its last manager). */
    public record Expired(long accountId, long organizationId, String username, boolean managedUsers) {}

    /**
     * How many active accounts last used at or before {@code cutoff} each organization has, by organization: the
     * sweep expires whole organizations together, so that each administrator hears of a location's expiries once.
     */
    public java.util.SortedMap<Long, Integer> dueByOrganization(Instant cutoff) {
        var count = DSL.count();
        java.util.SortedMap<Long, Integer> due = new java.util.TreeMap<>();
        dsl.select(ACCOUNT.ORGANIZATION_ID, count)
                .from(ACCOUNT)
                .where(ACCOUNT.STATUS.eq(AccountStatus.ACTIVE.name()))
                .and(LAST_USE.le(utc(cutoff)))
                .groupBy(ACCOUNT.ORGANIZATION_ID)
                .forEach(r -> due.put(r.value1(), r.value2()));
        return due;
    }

    /**
     * Expires up to {@code limit} active accounts of these organizations last used at or before {@code cutoff}, in
     * one statement. Rows an administrator is changing right now are skipped (and expired by a later batch), so the
     * sweep never waits on them.
     */
    public List<Expired> expireIn(
            java.util.Collection<Long> organizationIds, Instant cutoff, String reason, int limit) {
        var due = DSL.select(ACCOUNT.ID)
                .from(ACCOUNT)
                .where(ACCOUNT.STATUS.eq(AccountStatus.ACTIVE.name()))
                .and(LAST_USE.le(utc(cutoff)))
                .and(ACCOUNT.ORGANIZATION_ID.in(organizationIds))
                .orderBy(ACCOUNT.ID)
                .limit(limit)
                .forUpdate()
                .skipLocked();
        return inactivate(due, AccountStatus.INACTIVE_EXPIRED, reason)
                .returningResult(ACCOUNT.ID, ACCOUNT.ORGANIZATION_ID, ACCOUNT.USERNAME, ACCOUNT.ROLE)
                .fetch(r -> new Expired(
                        r.get(ACCOUNT.ID),
                        r.get(ACCOUNT.ORGANIZATION_ID),
                        r.get(ACCOUNT.USERNAME),
                        Role.valueOf(r.get(ACCOUNT.ROLE)).managesUsers()));
    }

    /**
     * Active accounts that expire in more than {@code fromDays} and at most {@code toDays} days and have not had this
     * warning for their current last use; records each warning, so that it goes once whatever the number of
     * instances (a warning another instance recorded first is skipped). Batches go in order of last use and id, each
     * after the last account of the one before ({@code after}, null for the first): a batch reads the accounts it
     * warns, not again every account the batches before it warned.
     */
    public List<Touched> warnBatch(Instant now, Duration period, int fromDays, int toDays, Touched after, int limit) {
        Instant lastUseAfter = now.minus(period).plus(Duration.ofDays(fromDays));
        Instant lastUseBefore = now.minus(period).plus(Duration.ofDays(toDays));
        // One statement claims the warnings: a row another instance recorded first is left out by the conflict.
        var claimed = dsl.insertInto(
                        INACTIVITY_WARNING,
                        INACTIVITY_WARNING.ACCOUNT_ID,
                        INACTIVITY_WARNING.LAST_USE_AT,
                        INACTIVITY_WARNING.DAYS_BEFORE,
                        INACTIVITY_WARNING.SENT_AT)
                .select(DSL.select(ACCOUNT.ID, LAST_USE, DSL.val(toDays), DSL.val(Now.of(dsl)))
                        .from(ACCOUNT)
                        .where(ACCOUNT.STATUS.eq(AccountStatus.ACTIVE.name()))
                        .and(LAST_USE.gt(utc(lastUseAfter)))
                        .and(LAST_USE.le(utc(lastUseBefore)))
                        .and(
                                after == null
                                        ? DSL.noCondition()
                                        : DSL.row(LAST_USE, ACCOUNT.ID).gt(utc(after.lastUse()), after.accountId()))
                        .andNotExists(DSL.selectOne()
                                .from(INACTIVITY_WARNING)
                                .where(INACTIVITY_WARNING.ACCOUNT_ID.eq(ACCOUNT.ID))
                                .and(INACTIVITY_WARNING.DAYS_BEFORE.eq(toDays))
                                .and(INACTIVITY_WARNING.LAST_USE_AT.eq(LAST_USE)))
                        .orderBy(LAST_USE, ACCOUNT.ID)
                        .limit(limit))
                .onConflictDoNothing()
                .returningResult(INACTIVITY_WARNING.ACCOUNT_ID, INACTIVITY_WARNING.LAST_USE_AT)
                .fetchMap(r -> r.value1(), r -> r.value2());
        if (claimed.isEmpty()) {
            return List.of();
        }
        return dsl.select(ACCOUNT.ID, ACCOUNT.ORGANIZATION_ID, ACCOUNT.USERNAME)
                .from(ACCOUNT)
                .where(ACCOUNT.ID.in(claimed.keySet()))
                .orderBy(ACCOUNT.ID)
                .fetch(r -> new Touched(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        claimed.get(r.value1()).toInstant()));
    }

    /** A password that expired lately, and whether it was a temporary one (never used). */
    public record ExpiredPassword(
            long accountId, long organizationId, String username, Instant expiresAt, boolean temporary) {}

    /**
     * Claims the "your password expired" notice for up to {@code limit} active, unlocked accounts whose password
     * expired after {@code since} and at or before {@code now} and whose owner was not told of this expiry yet. The
     * claim is one update, so two instances never claim the same expiry; rows being changed right now are skipped.
     */
    public List<ExpiredPassword> claimExpiredPasswords(Instant since, Instant now, int limit) {
        var due = DSL.select(ACCOUNT.ID)
                .from(ACCOUNT)
                .where(ACCOUNT.STATUS.eq(AccountStatus.ACTIVE.name()))
                .and(ACCOUNT.LOCKED.isFalse())
                .and(ACCOUNT.PASSWORD_HASH.isNotNull())
                .and(ACCOUNT.PASSWORD_EXPIRES_AT.gt(utc(since)))
                .and(ACCOUNT.PASSWORD_EXPIRES_AT.le(utc(now)))
                .and(ACCOUNT.PASSWORD_EXPIRY_TOLD_AT.isDistinctFrom(ACCOUNT.PASSWORD_EXPIRES_AT))
                .orderBy(ACCOUNT.ID)
                .limit(limit)
                .forUpdate()
                .skipLocked();
        return claimExpiry(ACCOUNT.ID.in(due));
    }

    /**
     * Claims the notice for one account whose password has expired (the sign-in page just refused it): the expiry
     * the first time, nothing once it was claimed, here or by the sweep.
     */
    public java.util.Optional<ExpiredPassword> claimExpiredPassword(long accountId, Instant now) {
        return claimExpiry(ACCOUNT.ID
                        .eq(accountId)
                        .and(ACCOUNT.PASSWORD_EXPIRES_AT.le(utc(now)))
                        .and(ACCOUNT.PASSWORD_EXPIRY_TOLD_AT.isDistinctFrom(ACCOUNT.PASSWORD_EXPIRES_AT)))
                .stream()
                .findFirst();
    }

    private List<ExpiredPassword> claimExpiry(org.jooq.Condition which) {
        return dsl.update(ACCOUNT)
                .set(ACCOUNT.PASSWORD_EXPIRY_TOLD_AT, ACCOUNT.PASSWORD_EXPIRES_AT)
                .where(which)
                .returningResult(
                        ACCOUNT.ID,
                        ACCOUNT.ORGANIZATION_ID,
                        ACCOUNT.USERNAME,
                        ACCOUNT.PASSWORD_EXPIRES_AT,
                        ACCOUNT.MUST_CHANGE_PASSWORD)
                .fetch(r -> new ExpiredPassword(
                        r.get(ACCOUNT.ID),
                        r.get(ACCOUNT.ORGANIZATION_ID),
                        r.get(ACCOUNT.USERNAME),
                        r.get(ACCOUNT.PASSWORD_EXPIRES_AT).toInstant(),
                        r.get(ACCOUNT.MUST_CHANGE_PASSWORD)));
    }

    /** A time-limited account near or past its last day of access. */
    public record Ending(long accountId, long organizationId, String username, LocalDate accessUntil) {}

    /**
     * Makes up to {@code limit} active accounts whose last day of access is before {@code today} Inactive Manual,
     * skipping rows being changed right now (a later batch takes them).
     */
    public List<Ending> endAccessBatch(LocalDate today, String reason, int limit) {
        var due = DSL.select(ACCOUNT.ID)
                .from(ACCOUNT)
                .where(ACCOUNT.STATUS.eq(AccountStatus.ACTIVE.name()))
                .and(ACCOUNT.ACCESS_UNTIL.lt(today))
                .orderBy(ACCOUNT.ACCESS_UNTIL, ACCOUNT.ID)
                .limit(limit)
                .forUpdate()
                .skipLocked();
        return inactivate(due, AccountStatus.INACTIVE_MANUAL, reason)
                .returningResult(ACCOUNT.ID, ACCOUNT.ORGANIZATION_ID, ACCOUNT.USERNAME, ACCOUNT.ACCESS_UNTIL)
                .fetch(r -> new Ending(
                        r.get(ACCOUNT.ID),
                        r.get(ACCOUNT.ORGANIZATION_ID),
                        r.get(ACCOUNT.USERNAME),
                        r.get(ACCOUNT.ACCESS_UNTIL)));
    }

    /**
     * Active accounts whose last day of access is {@code fromDays} to {@code toDays} days from today and that have not
     * had the {@code toDays} warning for that date; records each warning, so that it goes once whatever the number of
     * instances.
     */
    public List<Ending> warnAccessBatch(LocalDate today, int fromDays, int toDays, int limit) {
        var candidates = dsl.select(ACCOUNT.ID, ACCOUNT.ORGANIZATION_ID, ACCOUNT.USERNAME, ACCOUNT.ACCESS_UNTIL)
                .from(ACCOUNT)
                .where(ACCOUNT.STATUS.eq(AccountStatus.ACTIVE.name()))
                .and(ACCOUNT.ACCESS_UNTIL.between(today.plusDays(fromDays), today.plusDays(toDays)))
                .andNotExists(DSL.selectOne()
                        .from(ACCESS_WARNING)
                        .where(ACCESS_WARNING.ACCOUNT_ID.eq(ACCOUNT.ID))
                        .and(ACCESS_WARNING.ACCESS_UNTIL.eq(ACCOUNT.ACCESS_UNTIL))
                        .and(ACCESS_WARNING.DAYS_BEFORE.eq(toDays)))
                .orderBy(ACCOUNT.ID)
                .limit(limit)
                .fetch();
        List<Ending> warned = new ArrayList<>();
        for (var r : candidates) {
            int inserted = dsl.insertInto(ACCESS_WARNING)
                    .set(ACCESS_WARNING.ACCOUNT_ID, r.get(ACCOUNT.ID))
                    .set(ACCESS_WARNING.ACCESS_UNTIL, r.get(ACCOUNT.ACCESS_UNTIL))
                    .set(ACCESS_WARNING.DAYS_BEFORE, toDays)
                    .set(ACCESS_WARNING.SENT_AT, Now.of(dsl))
                    .onConflictDoNothing()
                    .execute();
            if (inserted == 1) {
                warned.add(new Ending(
                        r.get(ACCOUNT.ID),
                        r.get(ACCOUNT.ORGANIZATION_ID),
                        r.get(ACCOUNT.USERNAME),
                        r.get(ACCOUNT.ACCESS_UNTIL)));
            }
        }
        return warned;
    }

    /** The accounts {@code due} picked, made inactive with this status and reason: what every lifecycle end sets. */
    private org.jooq.UpdateConditionStep<mn.miic.helpdesk.db.jooq.tables.records.AccountRecord> inactivate(
            org.jooq.Select<? extends org.jooq.Record1<Long>> due, AccountStatus status, String reason) {
        return dsl.update(ACCOUNT)
                .set(ACCOUNT.STATUS, status.name())
                .set(ACCOUNT.INACTIVATION_REASON, reason)
                .set(ACCOUNT.UPDATED_AT, Now.of(dsl))
                .set(ACCOUNT.VERSION, ACCOUNT.VERSION.plus(1))
                .where(ACCOUNT.ID.in(due));
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
