package mn.miic.helpdesk.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import mn.miic.helpdesk.db.DatabaseClock;

/**
 * The base clock the tests give the application, where {@code Main} gives it this machine's. It starts at this
 * machine's time and then moves only when a test moves it, so nothing depends on how long a test takes; what the code
 * reads is the application's own {@code DatabaseClock} over it. The system property {@code miic.test.clock-shift} (an
 * ISO duration such as {@code P365D} or {@code -P365D}) starts it that far away, for the calendar check.
 */
public final class MovableClock extends Clock {

    public static final String SHIFT_PROPERTY = "miic.test.clock-shift";

    private volatile Instant now;

    private MovableClock(Instant start) {
        this.now = start;
    }

    /** The time now on the clock Main gives the bot (whole milliseconds, as PostgreSQL keeps them exactly), shifted as the run asks. */
    public static MovableClock startingNow() {
        return new MovableClock(
                DatabaseClock.MACHINE.instant().truncatedTo(ChronoUnit.MILLIS).plus(shift()));
    }

    /** For a unit test of a clock: a given instant. */
    public static MovableClock at(Instant start) {
        return new MovableClock(start);
    }

    static Duration shift() {
        String shift = System.getProperty(SHIFT_PROPERTY, "");
        return shift.isBlank() ? Duration.ZERO : Duration.parse(shift.trim());
    }

    public void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the application reads its DatabaseClock, never this base directly");
    }

    @Override
    public Instant instant() {
        return now;
    }
}
