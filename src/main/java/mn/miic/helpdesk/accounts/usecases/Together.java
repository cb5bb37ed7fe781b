package mn.miic.helpdesk.accounts.usecases;

/**
 * What must commit with an account change, or not at all: the decision on a request for help, whose approval is the
 * change. It is claimed first, in the change's own transaction, so the first decision wins and a later one is told
 * "already decided" before anything else; a refusal of the change rolls the claim back. What it owes is written last,
 * once the change has owed its own messages (a request's outcome waits for its temporary password).
 */
public interface Together {

    Together NOTHING = new Together() {
        @Override
        public boolean claim(UnitOfWork unit) {
            return true;
        }
    };

    /** @return false when someone else was first */
    boolean claim(UnitOfWork unit);

    /** After the change, still in its transaction. */
    default void then(UnitOfWork unit) {}

    /**
     * The account this change must act on when it is known already (the one a request was filed for): that very
     * account, whatever username it has by now; empty for a change named by a username just typed.
     */
    default java.util.OptionalLong accountId() {
        return java.util.OptionalLong.empty();
    }

    /** True when it tells the account's owner of the change itself (a request's outcome), so no notice is owed. */
    default boolean tellsTheOwner() {
        return false;
    }
}
