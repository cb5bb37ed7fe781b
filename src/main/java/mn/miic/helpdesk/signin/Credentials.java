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
 * Checks an organization code, username and password the way both APIs need it: one answer for every kind of wrong, in
 * about the same time, and the account's state only for the right password. Wrong passwords are counted and lock the
 * account at the threshold. The Argon2 check holds no connection and no lock.
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

    private final BoundedVerifier verifier;

    /**
     * @param outbox where the owner's "your account was locked" is owed, with the lock itself
     * @param verifier where the Argon2 checks run, bounded
     */
    Credentials(PasswordHasher hasher, Clock clock, int lockoutThreshold, Outbox outbox, BoundedVerifier verifier) {
        this.verifier = verifier;
        this.outbox = outbox;
        this.hasher = hasher;
        this.clock = clock;
        this.lockoutThreshold = lockoutThreshold;
        this.decoyHash = hasher.hash("decoy-" + java.util.UUID.randomUUID());
    }

    /** What a check reads first, with no lock and no transaction held: the account named, and its hash then. */
    record Candidate(Long accountId, String hash) {
        static final Candidate NONE = new Candidate(null, null);
    }

    /**
     * The whole check in three steps, so that no connection is held while Argon2 runs: read what is needed, check the
     * password on the bounded verifier, then lock the account and record the outcome in a transaction, in which
     * {@code then} also runs. A password changed between the read and the lock is checked again.
     */
    <T> T checkThen(
            DSLContext dsl,
            Actor actor,
            AuditAction action,
            String orgCode,
            String username,
            char[] password,
            java.util.function.BiFunction<DSLContext, Checked, T> then) {
        for (int attempt = 1; ; attempt++) {
            Candidate candidate = find(dsl, orgCode, username);
            boolean right = verify(candidate, password);
            boolean last = attempt >= 3;
            Optional<Done<T>> done = dsl.transactionResult(cfg -> {
                Checked checked = record(cfg.dsl(), actor, action, orgCode, username, candidate, right, last);
                return checked == null ? Optional.empty() : Optional.of(new Done<>(then.apply(cfg.dsl(), checked)));
            });
            if (done.isPresent()) {
                return done.get().value();
            }
        }
    }

    /** What the caller's step returned, once the check was recorded (it may itself be null). */
    private record Done<T>(T value) {}

    private Candidate find(DSLContext dsl, String orgCode, String username) {
        AccountRepository accounts = new AccountRepository(dsl);
        Optional<Organization> org = new OrganizationRepository(dsl).findByCode(orgCode == null ? "" : orgCode.trim());
        return accounts.findByUsername(username == null ? "" : username.trim())
                .filter(a -> org.isPresent()
                        && (a.organizationId() == org.get().id()
                                || a.additionalOrganizationIds()
                                        .contains(org.get().id())))
                .map(a -> new Candidate(a.id(), accounts.credential(a.id()).passwordHash()))
                .orElse(Candidate.NONE);
    }

    /** The Argon2 check; with no account, or one never given a password, the decoy's, so that every no takes as long. */
    private boolean verify(Candidate candidate, char[] password) {
        String plain = new String(password);
        return verifier.check(() -> {
            if (candidate.hash() == null) {
                hasher.matches(plain, decoyHash);
                return false;
            }
            return hasher.matches(plain, candidate.hash());
        });
    }

    /**
     * Records the check against the account as it is now, in the caller's transaction; null when its password changed
     * after it was read (unless {@code last}: then the check counts as wrong).
     */
    private Checked record(
            DSLContext tx,
            Actor actor,
            AuditAction action,
            String orgCode,
            String username,
            Candidate candidate,
            boolean checkedRight,
            boolean last) {
        AccountRepository accounts = new AccountRepository(tx);
        OrganizationRepository organizations = new OrganizationRepository(tx);
        Optional<Account> found =
                candidate.accountId() == null ? Optional.empty() : accounts.lockById(candidate.accountId());
        if (found.isEmpty()) {
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
        boolean same = java.util.Objects.equals(credential.passwordHash(), candidate.hash());
        if (!same && !last) {
            return null;
        }
        boolean right = same && checkedRight;
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

    /** Typed text trimmed to what an audit column holds. */
    static String clip(String s, int max) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        return t.length() <= max ? t : t.substring(0, max);
    }
}
