package mn.miic.helpdesk.slack;

import java.time.Duration;

/** Slack answered 429: try again after {@link #retryAfter()}, as its Retry-After header says. */
public final class SlackRateLimited extends SlackUnavailable {

    private final Duration retryAfter;

    public SlackRateLimited(String method, Duration retryAfter) {
        super(method + " (rate-limited for " + retryAfter.toSeconds() + " s)", null);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
