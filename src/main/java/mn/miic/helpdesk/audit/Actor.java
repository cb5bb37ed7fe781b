package mn.miic.helpdesk.audit;

import java.util.Objects;
import java.util.UUID;

/**
 * Who asked for something, as the caller knows them: the MIIC account the Slack user is linked to (or none, for the
 * operator's import), the Slack user, and the id of the request that carried it, for tracing. A once-key, when
 * present, makes the change happen at most once however often it is asked for (a double-clicked button). A reply
 * address, when present, is where they hear later what became of it (in Slack, the command's response URL).
 */
public record Actor(Long accountId, String slackUserId, String requestId, String onceKey, String replyTo) {

    public Actor {
        Objects.requireNonNull(requestId, "requestId");
    }

    public Actor(Long accountId, String slackUserId, String requestId) {
        this(accountId, slackUserId, requestId, null, null);
    }

    public static Actor account(long accountId, String slackUserId) {
        return new Actor(accountId, slackUserId, UUID.randomUUID().toString());
    }

    public static Actor account(long accountId) {
        return account(accountId, null);
    }

    /** An operator's command-line tool, such as the import. */
    public static Actor operator() {
        return new Actor(null, null, UUID.randomUUID().toString());
    }

    public Actor once(String key) {
        return new Actor(accountId, slackUserId, requestId, key, replyTo);
    }

    public Actor replyingTo(String address) {
        return new Actor(accountId, slackUserId, requestId, onceKey, address);
    }
}
