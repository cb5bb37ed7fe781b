package mn.miic.helpdesk.accounts.access;

/**
 * A use case said no. The message is written for a clinic administrator and may be shown as it is. Nothing was
 * changed, and the refusal itself is in the audit log.
 */
public class Refusal extends RuntimeException {

    /** What kind of no, so that a caller (Slack, an API) can pick the right answer. */
    public enum Kind {
        /** No such account, or one the requester may not see: the same answer for both. */
        NOT_FOUND,
        /** The requester's role, organization or own account state does not allow it. */
        NOT_ALLOWED,
        /** The account is not in a state the action applies to (unlocking an unlocked account). */
        WRONG_STATE,
        /** A guard such as the last-administrator rule; the help desk may override with a written reason. */
        GUARD,
        /** The input is wrong; see {@link InvalidInput#fieldErrors()}. */
        INVALID_INPUT,
        /** Someone else changed the account after the requester looked at it. */
        CHANGED_BY_SOMEONE_ELSE,
        /** The same confirmation was already carried out (a double click, or a second copy of a button). */
        ALREADY_DONE
    }

    private final Kind kind;

    public Refusal(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static Refusal notFound(String username) {
        return new Refusal(
                Kind.NOT_FOUND,
                "No MIIC account \"" + username + "\" was found among the organizations you manage."
                        + " Check the spelling, or search with /miic users.");
    }

    public static Refusal notAllowed(String message) {
        return new Refusal(Kind.NOT_ALLOWED, message);
    }

    public static Refusal wrongState(String message) {
        return new Refusal(Kind.WRONG_STATE, message);
    }

    public static Refusal guard(String message) {
        return new Refusal(Kind.GUARD, message);
    }

    public static Refusal alreadyDone() {
        return new Refusal(Kind.ALREADY_DONE, "This was already done; nothing more was changed.");
    }

    public static Refusal changedBySomeoneElse() {
        return new Refusal(
                Kind.CHANGED_BY_SOMEONE_ELSE,
                "This account was changed by someone else a moment ago. Nothing was saved; look at it again and"
                        + " repeat your change.");
    }
}
