package mn.miic.helpdesk.playground;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The playground's base clock: this machine's, moved forward when the trainer skips ahead (to show a request
 * escalating after 30 minutes, or an account expiring after 90 days, without waiting). The bot's own clock is built
 * on it exactly as on the machine's clock in real mode.
 */
public final class PlaygroundClock extends Clock {

    private final Clock machine;
    private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

    public PlaygroundClock(Clock machine) {
        this.machine = machine;
    }

    /** Moves time forward; it never goes back, as no deadline the bot keeps expects it to. */
    public void skip(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("time only moves forward");
        }
        ahead.accumulateAndGet(by, Duration::plus);
    }

    public Duration ahead() {
        return ahead.get();
    }

    @Override
    public Instant instant() {
        return machine.instant().plus(ahead.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (zone.equals(ZoneOffset.UTC)) {
            return this;
        }
        throw new UnsupportedOperationException("the playground's clock is in UTC, as the machine's");
    }
}
