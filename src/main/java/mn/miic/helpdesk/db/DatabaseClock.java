package mn.miic.helpdesk.db;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's one clock: a base clock (this machine's in production) corrected by how far the database's clock
 * is from this machine's, so that every bot instance agrees on "now" (when a request is due for the help desk, when an
 * account reaches 90 days) however their own clocks drift. Reading the database on every call would cost a round
 * trip, so the offset is measured again every minute of this machine's time; if the database cannot be asked, the
 * last offset stands. An offset smaller than its measurement's own uncertainty (half the round trip) is taken as none.
 *
 * <p>Tests give a base clock they move by hand; the correction still applies on top, so they run this very class.
 */
public final class DatabaseClock extends Clock {

    private static final Logger log = LoggerFactory.getLogger(DatabaseClock.class);

    /**
     * This machine's clock: the base {@code Main} gives the application, what the database's clock is compared with,
     * and where the tests' base clock starts (so a test's "now" comes from the same clock as the bot's).
     */
    public static final Clock MACHINE = Clock.systemUTC();

    static final Duration REMEASURE_EVERY = Duration.ofMinutes(1);
    /** PostgreSQL keeps microseconds; this machine's clock may say more. */
    private static final Duration ROUNDING = Duration.ofNanos(1_000);

    private final Supplier<Instant> databaseNow;
    private final Clock machine;
    private final Clock base;
    private final ZoneId zone;
    private final Offset offset;

    /** @param base this machine's clock ({@link #MACHINE}), or one a test moves */
    public DatabaseClock(DSLContext dsl, Clock base) {
        this(
                () -> dsl.select(DSL.currentOffsetDateTime())
                        .fetchOne(0, OffsetDateTime.class)
                        .toInstant(),
                MACHINE,
                base);
    }

    /**
     * @param databaseNow reads the database's clock
     * @param machine this machine's clock, which the database's is compared with
     * @param base what "now" is before the correction: the machine's clock in production
     */
    DatabaseClock(Supplier<Instant> databaseNow, Clock machine, Clock base) {
        this(databaseNow, machine, base, ZoneOffset.UTC, new Offset());
    }

    private DatabaseClock(Supplier<Instant> databaseNow, Clock machine, Clock base, ZoneId zone, Offset offset) {
        this.databaseNow = databaseNow;
        this.machine = machine;
        this.base = base;
        this.zone = zone;
        this.offset = offset;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.current(this));
    }

    /** How far the database's clock is ahead of this machine's, as last measured. */
    public Duration offset() {
        return offset.current(this);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same clock seen in another time zone; it shares the measured offset. */
    @Override
    public Clock withZone(ZoneId newZone) {
        return newZone.equals(zone) ? this : new DatabaseClock(databaseNow, machine, base, newZone, offset);
    }

    /** The measured offset, shared by every zone's view of one clock. */
    private static final class Offset {
        private volatile Duration value = Duration.ZERO;
        private volatile Instant measuredAt;

        Duration current(DatabaseClock clock) {
            Instant here = clock.machine.instant();
            Instant last = measuredAt;
            if (last == null || Duration.between(last, here).abs().compareTo(REMEASURE_EVERY) >= 0) {
                measure(clock);
            }
            return value;
        }

        private synchronized void measure(DatabaseClock clock) {
            Instant before = clock.machine.instant();
            try {
                Instant there = clock.databaseNow.get();
                Instant after = clock.machine.instant();
                Duration roundTrip = Duration.between(before, after);
                // The database read its clock somewhere in the round trip: about halfway, give or take half of it.
                Duration measured = Duration.between(before.plus(roundTrip.dividedBy(2)), there);
                Duration uncertainty = roundTrip.dividedBy(2).plus(ROUNDING);
                value = measured.abs().compareTo(uncertainty) <= 0 ? Duration.ZERO : measured;
            } catch (RuntimeException e) {
                log.warn("could not read the database's time; keeping an offset of {} ms", value.toMillis());
            }
            measuredAt = before;
        }
    }
}
