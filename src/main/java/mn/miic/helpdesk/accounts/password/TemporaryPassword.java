package mn.miic.helpdesk.accounts.password;

/**
 * A freshly generated temporary password, handed to the caller once for delivery. Its {@code toString} never shows
 * it, so it cannot leak into a log line or an exception by accident; only {@link #reveal()} does.
 */
public final class TemporaryPassword {

    private final String secret;

    public TemporaryPassword(String secret) {
        this.secret = secret;
    }

    /** The plaintext, for the one DM that delivers it. */
    public String reveal() {
        return secret;
    }

    @Override
    public String toString() {
        return "TemporaryPassword[hidden]";
    }
}
