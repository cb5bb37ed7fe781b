package mn.miic.helpdesk.accounts.usecases;

import java.time.Clock;
import java.time.Instant;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.password.PasswordHasher;
import mn.miic.helpdesk.accounts.password.PasswordSettings;
import mn.miic.helpdesk.accounts.password.TemporaryPassword;
import mn.miic.helpdesk.accounts.password.TemporaryPasswordGenerator;
import mn.miic.helpdesk.accounts.store.Credential;

/**
 * Gives an account a new temporary password inside the caller's transaction: generated, hashed, stored with its
 * expiry and the must-change flag, and added to the history so it can never become the long-term password.
 */
final class PasswordIssuer {

    private final TemporaryPasswordGenerator generator;
    private final PasswordHasher hasher;
    private final PasswordSettings settings;
    private final Clock clock;

    PasswordIssuer(
            TemporaryPasswordGenerator generator, PasswordHasher hasher, PasswordSettings settings, Clock clock) {
        this.generator = generator;
        this.hasher = hasher;
        this.settings = settings;
        this.clock = clock;
    }

    /** The password to deliver, its undo handle, and the account as stored with it. */
    record Issued(TemporaryPassword password, PasswordIssue undo, Instant expiresAt, Account account) {}

    Issued issue(UnitOfWork unit, long accountId, String username) {
        Credential previous = unit.accounts.credential(accountId);
        TemporaryPassword password = new TemporaryPassword(generator.generate());
        String hash = hasher.hash(password.reveal());
        Instant expiresAt = clock.instant().plus(settings.temporaryPasswordTtl());
        long requesterId = unit.requester().account().id();
        unit.accounts.setCredential(accountId, new Credential(hash, expiresAt, true), requesterId);
        long historyId = unit.accounts.addToHistory(accountId, hash, true);
        Account after = unit.accounts.findById(accountId).orElseThrow();
        return new Issued(
                password,
                new PasswordIssue(accountId, username, historyId, previous, after.version(), requesterId),
                expiresAt,
                after);
    }
}
