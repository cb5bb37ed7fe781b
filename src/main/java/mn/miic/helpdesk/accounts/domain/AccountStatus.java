package mn.miic.helpdesk.accounts.domain;

import java.util.Optional;

/** The guide's account statuses. Locked is a separate flag, independent of status. */
public enum AccountStatus {
    ACTIVE("Active"),
    /** Set automatically after the inactivity period without a sign-in. */
    INACTIVE_EXPIRED("Inactive Expired"),
    /** Set by an administrator. */
    INACTIVE_MANUAL("Inactive Manual");

    private final String label;

    AccountStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isActive() {
        return this == ACTIVE;
    }

    public static Optional<AccountStatus> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.trim();
        for (AccountStatus s : values()) {
            if (s.label.equalsIgnoreCase(wanted) || s.name().equalsIgnoreCase(wanted)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
