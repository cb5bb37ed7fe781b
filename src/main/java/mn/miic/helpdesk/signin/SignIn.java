package mn.miic.helpdesk.signin;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import mn.miic.helpdesk.accounts.store.AccountRepository;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.audit.AuditLog;
import mn.miic.helpdesk.lifecycle.LifecycleRepository;
import org.jooq.DSLContext;

/**
 * A sign-in on MIIC's sign-in page (SPEC 7): throttled, checked with no connection held, recorded in one transaction,
 * audited, never the password.
 */
public final class SignIn {

    /**
     * @param detail what the outcome needs besides its name: which inactive status, or why a change is required
     * @param retryAfter for a throttled attempt, how long to wait
     */
    public record Result(SignInOutcome outcome, String detail, Duration retryAfter) {
        Result(SignInOutcome outcome, String detail) {
            this(outcome, detail, null);
        }
    }

    private final DSLContext dsl;
    private final Credentials credentials;
    private final Clock clock;

    private final SignInThrottle throttle;

    SignIn(DSLContext dsl, Credentials credentials, Clock clock, SignInThrottle throttle) {
        this.throttle = throttle;
        this.dsl = dsl;
        this.credentials = credentials;
        this.clock = clock;
    }

    /**
     * @param clientAddress where the attempt came from, for the back-off per address
     * @throws Busy when the password checks or the API's database connections are all taken
     */
    public Result attempt(String requestId, String clientAddress, String orgCode, String username, char[] password) {
        Actor actor = new Actor(null, null, requestId);
        SignInThrottle.Keys keys = SignInThrottle.Keys.of(clientAddress, orgCode, username);
        Optional<Duration> wait = throttle.holdBack(dsl, actor, AuditAction.SIGN_IN, keys, clientAddress, username);
        if (wait.isPresent()) {
            return new Result(SignInOutcome.THROTTLED, null, wait.get());
        }
        return credentials.checkThen(dsl, actor, AuditAction.SIGN_IN, orgCode, username, password, (tx, checked) -> {
            if (checked.refusal() == SignInOutcome.INVALID_CREDENTIALS) {
                throttle.failed(tx, keys);
            } else {
                throttle.succeeded(tx, keys);
            }
            return signedIn(tx, requestId, checked);
        });
    }

    /** What the check found, recorded in its transaction ({@code tx}). */
    private Result signedIn(DSLContext tx, String requestId, Credentials.Checked checked) {
        if (!checked.passed()) {
            return new Result(checked.refusal(), checked.refusalDetail());
        }
        var account = checked.account();
        Actor self = new Actor(account.id(), null, requestId);
        var subject = checked.subject();
        if (checked.credential().mustChange()) {
            // Not signed in yet: the temporary password must be replaced first. The count starts over.
            new AccountRepository(tx).recordSignIn(account.id(), 0, false, null);
            new AuditLog(tx)
                    .done(self, account.username(), AuditAction.SIGN_IN, subject, "password change required", Map.of());
            return new Result(SignInOutcome.PASSWORD_CHANGE_REQUIRED, "temporary_password");
        }
        var now = clock.instant();
        boolean expired = checked.credential().expiresAt() != null
                && !now.isBefore(checked.credential().expiresAt());
        new AccountRepository(tx).recordSignIn(account.id(), 0, false, expired ? null : now);
        if (expired) {
            // The sign-in page itself asks for a new password now: no DM about this expiry is needed later.
            new LifecycleRepository(tx).claimExpiredPassword(account.id(), now);
        }
        new AuditLog(tx)
                .done(
                        self,
                        account.username(),
                        AuditAction.SIGN_IN,
                        subject,
                        expired ? "password expired; change required" : "signed in",
                        Map.of());
        return expired
                ? new Result(SignInOutcome.PASSWORD_CHANGE_REQUIRED, "password_expired")
                : new Result(SignInOutcome.SIGNED_IN, null);
    }
}
