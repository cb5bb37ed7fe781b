package mn.miic.helpdesk.outbox;

import java.time.Instant;

/** What one attempt to deliver a message came to, as the courier tells the worker. */
public sealed interface Delivery {

    /**
     * Slack took it.
     *
     * @param where to whom, in words, for the row's outcome and the follow-up report
     * @param channel where Slack put it, and {@code ts} its id there, so it can be updated (or null)
     */
    record Delivered(String where, String channel, String ts) implements Delivery {}

    /** Not now (Slack down, or rate-limited): try again at that moment, unless the deadline has passed. */
    record Retry(Instant at, String why) implements Delivery {}

    /** Slack said no for good (no such user, the bot may not write there): trying again would not help. */
    record Refused(String why) implements Delivery {}

    /** Nothing to deliver after all (nobody to tell); ends the message. */
    record Skipped(String why) implements Delivery {}
}
