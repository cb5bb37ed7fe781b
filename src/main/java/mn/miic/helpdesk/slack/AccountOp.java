package mn.miic.helpdesk.slack;

import java.util.Locale;
import java.util.Optional;
import mn.miic.helpdesk.accounts.access.AccountAction;

/** What a button or menu item asks to do with an account; the wire name is what buttons carry. */
public enum AccountOp {
    VIEW(null, "View"),
    EDIT(AccountAction.EDIT, "Edit"),
    UNLOCK(AccountAction.UNLOCK, "Unlock"),
    REACTIVATE(AccountAction.REACTIVATE, "Reactivate"),
    INACTIVATE(AccountAction.INACTIVATE, "Inactivate"),
    RESET(AccountAction.RESET_PASSWORD, "Reset password"),
    AUDIT(null, "History"),
    /** Inactivation of someone who left the site: the Inactivate form with that reason chosen. */
    OFFBOARD(AccountAction.INACTIVATE, "Offboard");

    private final AccountAction action;
    private final String label;

    AccountOp(AccountAction action, String label) {
        this.action = action;
        this.label = label;
    }

    public Optional<AccountAction> action() {
        return Optional.ofNullable(action);
    }

    public String label() {
        return label;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The operation a menu or a card offers for an action (the first of its operations: Inactivate, not Offboard). */
    public static AccountOp of(AccountAction action) {
        for (AccountOp op : values()) {
            if (op.action == action) {
                return op;
            }
        }
        throw new IllegalArgumentException(action.name());
    }

    public static Optional<AccountOp> parse(String wire) {
        for (AccountOp op : values()) {
            if (op.wire().equalsIgnoreCase(wire)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }

    /** A button's value: {@code op:username}, or {@code op:username:nonce} for a confirmation. */
    public record Value(AccountOp op, String username, String nonce) {

        public String encode() {
            return op.wire() + ":" + username + (nonce == null ? "" : ":" + nonce);
        }

        public static Optional<Value> decode(String value) {
            if (value == null) {
                return Optional.empty();
            }
            String[] parts = value.split(":", 3);
            if (parts.length < 2 || parts[1].isBlank()) {
                return Optional.empty();
            }
            return parse(parts[0]).map(op -> new Value(op, parts[1], parts.length == 3 ? parts[2] : null));
        }
    }
}
