package mn.miic.helpdesk.db;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database's time, so that every bot instance agrees on "now" (when a request is due for the help desk, when an
 * account reaches 90 days) however their own clocks drift. Reading it on every call would cost a round trip, so this
 * clock keeps the offset between the database and this machine, measured again every minute; if the database cannot
 * be asked, the last offset stands.
 */
public final class DatabaseClock extends Clock {

    private static final Logger log = LoggerFactory.getLogger(DatabaseClock.class);
    static final Duration REMEASURE_EVERY = Duration.ofMinutes(1);

    private final Supplier<Instant> databaseNow;
    private final Clock local;
    private volatile Duration offset = Duration.ZERO;
    private volatile Instant measuredAt;

    public DatabaseClock(DSLContext dsl) {
        this(
                () -> dsl.select(DSL.currentOffsetDateTime())
                        .fetchOne(0, java.time.OffsetDateTime.class)
                        .toInstant(),
                Clock.systemUTC());
    }

    DatabaseClock(Supplier<Instant> databaseNow, Clock local) {
        this.databaseNow = databaseNow;
        this.local = local;
    }

    @Override
    public Instant instant() {
        Instant here = local.instant();
        if (measuredAt == null || Duration.between(measuredAt, here).compareTo(REMEASURE_EVERY) >= 0) {
            measure();
            here = local.instant();
        }
        return here.plus(offset);
    }

    private synchronized void measure() {
        Instant before = local.instant();
        try {
            Instant there = databaseNow.get();
            Instant after = local.instant();
            // The database read its clock about halfway through the round trip.
            Instant middle = before.plus(Duration.between(before, after).dividedBy(2));
            offset = Duration.between(middle, there);
        } catch (RuntimeException e) {
            log.warn("could not read the database's time; keeping an offset of {} ms", offset.toMillis());
        }
        measuredAt = before;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the database clock is UTC");
    }
}
