package mn.miic.helpdesk.accounts.store;

import java.time.Instant;

/** An account's password state. The hash never leaves the store's package except to be put back (undo). */
public record Credential(String passwordHash, Instant expiresAt, boolean mustChange) {

    public static final Credential NONE = new Credential(null, null, false);
}
