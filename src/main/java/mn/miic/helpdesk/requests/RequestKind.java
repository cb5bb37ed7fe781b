package mn.miic.helpdesk.requests;

import java.util.Locale;
import java.util.Optional;
import mn.miic.helpdesk.accounts.access.AccountAction;
import mn.miic.helpdesk.accounts.domain.Account;

/** What a user may ask for about their own account, and the administrator action that answers it. */
public enum RequestKind {
    UNLOCK(AccountAction.UNLOCK, "unlock"),
    RESET(AccountAction.RESET_PASSWORD, "password reset"),
    REACTIVATE(AccountAction.REACTIVATE, "reactivation");

    private final AccountAction action;
    private final String label;

    RequestKind(AccountAction action, String label) {
        this.action = action;
        this.label = label;
    }

    public AccountAction action() {
        return action;
    }

    /** "unlock", "password reset", "reactivation": as in "your unlock request". */
    public String label() {
        return label;
    }

    public static Optional<RequestKind> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        return switch (typed.trim().toLowerCase(Locale.ROOT)) {
            case "unlock" -> Optional.of(UNLOCK);
            case "reset", "password" -> Optional.of(RESET);
            case "reactivate", "reactivation" -> Optional.of(REACTIVATE);
            default -> Optional.empty();
        };
    }

    /**
     * Why asking would change nothing, said with the account's real state; empty when the request makes sense.
     * A reset always does something: a forgotten password is not visible in the account.
     */
    public Optional<String> needlessFor(Account account) {
        String state = account.status().label() + ", " + (account.locked() ? "Locked" : "Unlocked");
        return switch (this) {
            case UNLOCK -> account.locked()
                    ? Optional.empty()
                    : Optional.of("Your account is not locked (" + state + "), so there is nothing to unlock."
                            + (account.isActive()
                                    ? " If you forgot your password, ask for a reset: `/miic request reset`."
                                    : " It is inactive: ask for a reactivation with `/miic request reactivate`."));
            case REACTIVATE -> account.isActive()
                    ? Optional.of("Your account is already active (" + state + "), so there is nothing to reactivate."
                            + (account.locked() ? " It is locked: ask for an unlock with `/miic request unlock`." : ""))
                    : Optional.empty();
            case RESET -> Optional.empty();
        };
    }
}
