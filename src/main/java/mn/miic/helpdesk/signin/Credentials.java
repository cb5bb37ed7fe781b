package mn.miic.helpdesk.signin;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.password.PasswordHasher;
import mn.miic.helpdesk.accounts.store.AccountRepository;
import mn.miic.helpdesk.accounts.store.Credential;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.audit.AuditLog;
import mn.miic.helpdesk.audit.Change;
import mn.miic.helpdesk.lifecycle.ExpiredPasswords;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationRepository;
import mn.miic.helpdesk.outbox.Outbox;
import mn.miic.helpdesk.outbox.Owed;
import org.jooq.DSLContext;

/**
 * Checks an organization code, username and password the way both APIs need it, inside the caller's transaction:
 * one answer for every kind of wrong, in about the same time, and the account's state only for the right password.
 * Wrong passwords are counted and lock the account at the threshold.
 */
final class Credentials {

    /** The account, when the password was right; otherwise why not. */
    record Checked(SignInOutcome refusal, Account account, Organization organization, Credential credential) {
        boolean passed() {
            return refusal == null;
        }

        /** Which inactive status, for an {@code inactive} answer; nothing for the others. */
        String refusalDetail() {
            return refusal == SignInOutcome.INACTIVE ? account.status().label() : null;
        }

        /** What an audit row about this account says it is about. */
        AuditLog.Subject subject() {
            return new AuditLog.Subject(account.id(), account.username(), organization.id(), organization.code());
        }
    }

    private final PasswordHasher hasher;
    private final Clock clock;
    private final int lockoutThreshold;
    // Verified against when there is no account, so that "no such user" takes as long as "wrong password".
    private final String decoyHash;

    private final Outbox outbox;

    /** @param outbox where the owner's "your account was locked" is owed, with the lock itself */
    Credentials(PasswordHasher hasher, Clock clock, int lockoutThreshold, Outbox outbox) {
        this.outbox = outbox;
        this.hasher = hasher;
        this.clock = clock;
        this.lockoutThreshold = lockoutThreshold;
        this.decoyHash = hasher.hash("decoy-" + java.util.UUID.randomUUID());
    }

    Checked check(DSLContext tx, Actor actor, AuditAction action, String orgCode, String username, char[] password) {
        AccountRepository accounts = new AccountRepository(tx);
        OrganizationRepository organizations = new OrganizationRepository(tx);
        Optional<Organization> org = organizations.findByCode(orgCode == null ? "" : orgCode.trim());
        Optional<Account> found = accounts.findByUsername(username == null ? "" : username.trim())
                .filter(a -> org.isPresent()
                        && (a.organizationId() == org.get().id()
                                || a.additionalOrganizationIds()
                                        .contains(org.get().id())))
                .flatMap(a -> accounts.lockById(a.id()));
        if (found.isEmpty()) {
            hasher.matches(new String(password), decoyHash);
            new AuditLog(tx)
                    .refused(
                            actor,
                            null,
                            action,
                            new AuditLog.Subject(null, clip(username, 30), null, clip(orgCode, 20)),
                            "unknown organization or username");
            return new Checked(SignInOutcome.INVALID_CREDENTIALS, null, null, null);
        }
        Account account = found.get();
        Organization home = organizations.findById(account.organizationId()).orElseThrow();
        AuditLog.Subject subject = new AuditLog.Subject(account.id(), account.username(), home.id(), home.code());
        Credential credential = accounts.credential(account.id());
        boolean right;
        if (credential.passwordHash() == null) {
            // Imported and never reset: no password works, and saying so would take less time than checking one.
            hasher.matches(new String(password), decoyHash);
            right = false;
        } else {
            right = hasher.matches(new String(password), credential.passwordHash());
        }
        if (!right) {
            if (account.locked()) {
                new AuditLog(tx).refused(actor, account.username(), action, subject, "wrong password (locked)");
                return new Checked(SignInOutcome.INVALID_CREDENTIALS, account, home, credential);
            }
            int failures = account.failedSignIns() + 1;
            boolean locks = failures >= lockoutThreshold;
            accounts.recordSignIn(account.id(), failures, locks, null);
            if (locks) {
                new AuditLog(tx)
                        .done(
                                actor,
                                account.username(),
                                action,
                                subject,
                                "locked after " + failures + " wrong passwords in a row",
                                Map.of("locked", new Change("false", "true")));
                // Reach the owner before they have to ask: once, because the lock happens once.
                outbox.owe(
                        tx,
                        new Owed.LockedOut(account.id(), failures, clock.instant()),
                        Outbox.Options.none().tracing(actor.requestId()));
            } else {
                new AuditLog(tx)
                        .refused(
                                actor,
                                account.username(),
                                action,
                                subject,
                                "wrong password (" + failures + " in a row)");
            }
            return new Checked(SignInOutcome.INVALID_CREDENTIALS, account, home, credential);
        }
        SignInOutcome state = stateSays(account, credential, clock.instant());
        if (state != null) {
            new AuditLog(tx).refused(actor, account.username(), action, subject, state.wire());
        }
        if (state == SignInOutcome.TEMPORARY_PASSWORD_EXPIRED) {
            // Nothing the owner can do on the sign-in page: the DM offers the request for a new one, once.
            new ExpiredPasswords(outbox).tellOne(tx, actor, account.id(), clock.instant());
        }
        return new Checked(state, account, home, credential);
    }

    /** What the account's state says to a caller with the right password; null when nothing stands in the way. */
    private static SignInOutcome stateSays(Account account, Credential credential, Instant now) {
        if (account.locked()) {
            return SignInOutcome.LOCKED;
        }
        if (!account.isActive()) {
            return SignInOutcome.INACTIVE;
        }
        if (credential.mustChange() && credential.expiresAt() != null && !now.isBefore(credential.expiresAt())) {
            return SignInOutcome.TEMPORARY_PASSWORD_EXPIRED;
        }
        return null;
    }

    private static String clip(String s, int max) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        return t.length() <= max ? t : t.substring(0, max);
    }
}
