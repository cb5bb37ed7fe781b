package mn.miic.helpdesk.accounts.usecases;

import java.time.Clock;
import java.time.Instant;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.password.PasswordHasher;
import mn.miic.helpdesk.accounts.password.PasswordSettings;
import mn.miic.helpdesk.accounts.password.TemporaryPassword;
import mn.miic.helpdesk.accounts.password.TemporaryPasswordGenerator;
import mn.miic.helpdesk.accounts.store.Credential;
import mn.miic.helpdesk.outbox.Outbox;
import mn.miic.helpdesk.outbox.Owed;

/**
 * Gives an account a new temporary password inside the caller's transaction: generated, hashed, stored with its
 * expiry and the must-change flag, and added to the history so it can never become the long-term password. In the
 * same transaction it owes its delivery (the password sealed in the outbox row) and, after it, a report to the
 * administrator of what became of it.
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

    /** The password (for tests of the hash; the Slack side never shows it but in its DM), and its delivery. */
    record Issued(TemporaryPassword password, Instant expiresAt, Account account, long delivery) {}

    Issued issue(UnitOfWork unit, long accountId, boolean added) {
        Credential previous = unit.accounts.credential(accountId);
        TemporaryPassword password = new TemporaryPassword(generator.generate());
        String hash = hasher.hash(password.reveal());
        Instant expiresAt = clock.instant().plus(settings.temporaryPasswordTtl());
        var requester = unit.requester().account();
        unit.accounts.setCredential(accountId, new Credential(hash, expiresAt, true), requester.id());
        long historyId = unit.accounts.addToHistory(accountId, hash, true);
        Account after = unit.accounts.findById(accountId).orElseThrow();
        String administrator = unit.actor().slackUserId();
        long delivery = unit.owe(
                new Owed.TemporaryPassword(
                        accountId,
                        requester.id(),
                        administrator,
                        added,
                        expiresAt,
                        hash,
                        previous.passwordHash(),
                        previous.expiresAt(),
                        previous.mustChange(),
                        historyId),
                Outbox.Options.none().withSecret(password));
        unit.owe(
                new Owed.PasswordReport(accountId, administrator, unit.actor().replyTo(), added),
                Outbox.Options.none().after(delivery));
        return new Issued(password, expiresAt, after, delivery);
    }
}
