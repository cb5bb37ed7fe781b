package mn.miic.helpdesk.signin;

import static mn.miic.helpdesk.db.jooq.Tables.SIGN_IN_THROTTLE;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.audit.AuditLog;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Exponential back-off after failed sign-ins, kept in the database so that every instance agrees. Per client address
 * it stops a guesser after a free allowance; per account it only spaces attempts out (at most a minute), and only
 * past the guide's lockout threshold, so an attacker cannot keep a person out any faster than the guide's lock does. Bucket4j's database buckets limit a rate; this is a back-off after failures,
 * which is one upsert.
 */
final class SignInThrottle {

    /** Failures from one address before it waits, and the longest wait. */
    static final int ADDRESS_ALLOWANCE = 20;

    static final Duration ADDRESS_CAP = Duration.ofMinutes(15);

    /**
     * The longest space between attempts on one account. The allowance before it is the guide's lockout threshold:
     * the first wrong passwords are the guide's to count, and after the lock the back-off keeps a guesser from
     * learning the password from the "locked" answer that only the right one gets.
     */
    static final Duration ACCOUNT_CAP = Duration.ofMinutes(1);

    /** A count older than this starts over. */
    static final Duration WINDOW = Duration.ofHours(1);

    /** The two keys one attempt is counted under. */
    record Keys(String address, String account) {
        static Keys of(String clientAddress, String orgCode, String username) {
            return new Keys(
                    "addr:" + (clientAddress == null ? "unknown" : clientAddress),
                    "account:" + norm(orgCode) + "/" + norm(username));
        }

        private static String norm(String s) {
            String t = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
            return t.length() <= 120 ? t : t.substring(0, 120);
        }
    }

    private final Clock clock;
    private final int accountAllowance;

    SignInThrottle(Clock clock, int lockoutThreshold) {
        this.clock = clock;
        this.accountAllowance = lockoutThreshold;
    }

    /**
     * An attempt that must wait is refused here, before any password check (so a flood costs one query and one
     * audit row each), and audited; returns how long it must wait, or nothing when it may go on.
     */
    Optional<Duration> holdBack(
            DSLContext dsl, Actor actor, AuditAction action, Keys keys, String clientAddress, String username) {
        Optional<Duration> wait = waitFor(dsl, keys);
        wait.ifPresent(w -> new AuditLog(dsl)
                .refused(
                        actor,
                        null,
                        action,
                        new AuditLog.Subject(null, Credentials.clip(username, 30), null, null),
                        "throttled: too many failed sign-ins lately from " + clientAddress + " or for this account"));
        return wait;
    }

    /** How long this attempt must wait, if it must. */
    Optional<Duration> waitFor(DSLContext dsl, Keys keys) {
        Instant now = clock.instant();
        OffsetDateTime until = dsl.select(DSL.max(SIGN_IN_THROTTLE.BLOCKED_UNTIL))
                .from(SIGN_IN_THROTTLE)
                .where(SIGN_IN_THROTTLE.KEY.in(keys.address(), keys.account()))
                .fetchOne(0, OffsetDateTime.class);
        if (until == null || !until.toInstant().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, until.toInstant()));
    }

    /** A wrong password (or no such account): both counts go up, and may start a wait. */
    void failed(DSLContext dsl, Keys keys) {
        count(dsl, keys.address(), ADDRESS_ALLOWANCE, ADDRESS_CAP);
        count(dsl, keys.account(), accountAllowance, ACCOUNT_CAP);
    }

    /** The right password: the account's count starts over (the address's does not: one success is no alibi). */
    void succeeded(DSLContext dsl, Keys keys) {
        dsl.deleteFrom(SIGN_IN_THROTTLE)
                .where(SIGN_IN_THROTTLE.KEY.eq(keys.account()))
                .execute();
    }

    /** Forgets counts nobody added to for a day. */
    static int forgetBefore(DSLContext dsl, Instant before) {
        return dsl.deleteFrom(SIGN_IN_THROTTLE)
                .where(SIGN_IN_THROTTLE.UPDATED_AT.lt(utc(before)))
                .execute();
    }

    private void count(DSLContext dsl, String key, int allowance, Duration cap) {
        Instant now = clock.instant();
        var t = SIGN_IN_THROTTLE;
        // One statement, so two instances counting at once both count: a count past the window starts over.
        Integer failures = dsl.insertInto(t)
                .set(t.KEY, key)
                .set(t.FAILURES, 1)
                .set(t.UPDATED_AT, utc(now))
                .onConflict(t.KEY)
                .doUpdate()
                .set(
                        t.FAILURES,
                        DSL.when(t.UPDATED_AT.lt(utc(now.minus(WINDOW))), DSL.inline(1))
                                .otherwise(t.FAILURES.plus(1)))
                .set(t.UPDATED_AT, utc(now))
                .returningResult(t.FAILURES)
                .fetchOne(0, Integer.class);
        Duration wait = backoff(failures, allowance, cap);
        if (!wait.isZero()) {
            dsl.update(t)
                    .set(t.BLOCKED_UNTIL, utc(now.plus(wait)))
                    .where(t.KEY.eq(key))
                    .execute();
        }
    }

    /** No wait within the allowance; then 1 s, 2 s, 4 s … up to the cap. */
    static Duration backoff(int failures, int allowance, Duration cap) {
        int over = failures - allowance;
        if (over <= 0) {
            return Duration.ZERO;
        }
        long seconds = over >= 31 ? Long.MAX_VALUE : 1L << (over - 1);
        return seconds >= cap.toSeconds() ? cap : Duration.ofSeconds(seconds);
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
