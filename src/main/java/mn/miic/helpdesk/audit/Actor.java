package mn.miic.helpdesk.audit;

import java.util.Objects;
import java.util.UUID;

/**
 * Who asked for something, as the caller knows them: the MIIC account the Slack user is linked to (or none, for the
 * operator's import), the Slack user, and the id of the request that carried it, for tracing. A once-key, when
 * present, makes the change happen at most once however often it is asked for (a double-clicked button).
 */
public record Actor(Long accountId, String slackUserId, String requestId, String onceKey, Claim claim) {

    /**
     * Something the change must win inside its own transaction, or not happen at all: the first decision on a request
     * for help. Returning false refuses the change as already done; a refusal later rolls the claim back.
     */
    @FunctionalInterface
    public interface Claim {
        boolean claim(org.jooq.DSLContext transaction);
    }

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
        return new Actor(accountId, slackUserId, requestId, key, claim);
    }

    public Actor claiming(Claim first) {
        return new Actor(accountId, slackUserId, requestId, onceKey, first);
    }
}
