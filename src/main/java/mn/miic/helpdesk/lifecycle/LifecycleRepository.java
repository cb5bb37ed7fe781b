package mn.miic.helpdesk.lifecycle;

import static mn.miic.helpdesk.db.jooq.Tables.ACCOUNT;
import static mn.miic.helpdesk.db.jooq.Tables.INACTIVITY_WARNING;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import mn.miic.helpdesk.accounts.domain.AccountStatus;
import mn.miic.helpdesk.accounts.store.AccountRepository;
import mn.miic.helpdesk.db.Now;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** The SQL of the account lifecycle, in one place: the inactivity sweep, its warnings and expired passwords. */
public final class LifecycleRepository {

    /** An account the sweep touched: enough to audit it and tell its people. */
    public record Touched(long accountId, long organizationId, String username, Instant lastUse) {}

    private static final Field<OffsetDateTime> LAST_USE = AccountRepository.LAST_USE;

    private final DSLContext dsl;

    public LifecycleRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Expires up to {@code limit} active accounts last used at or before {@code cutoff}. Rows an administrator is
     * changing right now are skipped (and expired by a later batch), so the sweep never waits on them.
     */
    public List<Touched> expireBatch(Instant cutoff, String reason, int limit) {
        var due = DSL.select(ACCOUNT.ID)
                .from(ACCOUNT)
                .where(ACCOUNT.STATUS.eq(AccountStatus.ACTIVE.name()))
                .and(LAST_USE.le(utc(cutoff)))
                .orderBy(LAST_USE)
                .limit(limit)
                .forUpdate()
                .skipLocked();
        return dsl.update(ACCOUNT)
                .set(ACCOUNT.STATUS, AccountStatus.INACTIVE_EXPIRED.name())
                .set(ACCOUNT.INACTIVATION_REASON, reason)
                .set(ACCOUNT.UPDATED_AT, Now.of(dsl))
                .set(ACCOUNT.VERSION, ACCOUNT.VERSION.plus(1))
                .where(ACCOUNT.ID.in(due))
                .returningResult(ACCOUNT.ID, ACCOUNT.ORGANIZATION_ID, ACCOUNT.USERNAME, LAST_USE.as("last_use"))
                .fetch(r -> new Touched(
                        r.get(ACCOUNT.ID),
                        r.get(ACCOUNT.ORGANIZATION_ID),
                        r.get(ACCOUNT.USERNAME),
                        r.get("last_use", OffsetDateTime.class).toInstant()));
    }

    /**
     * Active accounts that expire in more than {@code fromDays} and at most {@code toDays} days and have not had this
     * warning for their current last use; records each warning, so that it goes once whatever the number of
     * instances (a warning another instance recorded first is skipped).
     */
    public List<Touched> warnBatch(Instant now, Duration period, int fromDays, int toDays, int limit) {
        Instant lastUseAfter = now.minus(period).plus(Duration.ofDays(fromDays));
        Instant lastUseBefore = now.minus(period).plus(Duration.ofDays(toDays));
        var candidates = dsl.select(ACCOUNT.ID, ACCOUNT.ORGANIZATION_ID, ACCOUNT.USERNAME, LAST_USE.as("last_use"))
                .from(ACCOUNT)
                .where(ACCOUNT.STATUS.eq(AccountStatus.ACTIVE.name()))
                .and(LAST_USE.gt(utc(lastUseAfter)))
                .and(LAST_USE.le(utc(lastUseBefore)))
                .andNotExists(DSL.selectOne()
                        .from(INACTIVITY_WARNING)
                        .where(INACTIVITY_WARNING.ACCOUNT_ID.eq(ACCOUNT.ID))
                        .and(INACTIVITY_WARNING.DAYS_BEFORE.eq(toDays))
                        .and(INACTIVITY_WARNING.LAST_USE_AT.eq(LAST_USE)))
                .orderBy(ACCOUNT.ID)
                .limit(limit)
                .fetch();
        List<Touched> warned = new ArrayList<>();
        for (var r : candidates) {
            OffsetDateTime lastUse = r.get("last_use", OffsetDateTime.class);
            int inserted = dsl.insertInto(INACTIVITY_WARNING)
                    .set(INACTIVITY_WARNING.ACCOUNT_ID, r.get(ACCOUNT.ID))
                    .set(INACTIVITY_WARNING.LAST_USE_AT, lastUse)
                    .set(INACTIVITY_WARNING.DAYS_BEFORE, toDays)
                    .set(INACTIVITY_WARNING.SENT_AT, Now.of(dsl))
                    .onConflictDoNothing()
                    .execute();
            if (inserted == 1) {
                warned.add(new Touched(
                        r.get(ACCOUNT.ID),
                        r.get(ACCOUNT.ORGANIZATION_ID),
                        r.get(ACCOUNT.USERNAME),
                        lastUse.toInstant()));
            }
        }
        return warned;
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

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
