package mn.miic.helpdesk.signin;

import java.time.Clock;
import java.util.Map;
import mn.miic.helpdesk.accounts.store.AccountRepository;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.audit.AuditLog;
import mn.miic.helpdesk.lifecycle.LifecycleRepository;
import org.jooq.DSLContext;

/** A sign-in on MIIC's sign-in page (SPEC 7): one transaction, audited, never the password. */
public final class SignIn {

    /** @param detail what the outcome needs besides its name: which inactive status, or why a change is required */
    public record Result(SignInOutcome outcome, String detail) {}

    private final DSLContext dsl;
    private final Credentials credentials;
    private final Clock clock;

    SignIn(DSLContext dsl, Credentials credentials, Clock clock) {
        this.dsl = dsl;
        this.credentials = credentials;
        this.clock = clock;
    }

    public Result attempt(String requestId, String orgCode, String username, char[] password) {
        return dsl.transactionResult(cfg -> {
            Actor actor = new Actor(null, null, requestId);
            Credentials.Checked checked =
                    credentials.check(cfg.dsl(), actor, AuditAction.SIGN_IN, orgCode, username, password);
            if (!checked.passed()) {
                return new Result(checked.refusal(), checked.refusalDetail());
            }
            var account = checked.account();
            Actor self = new Actor(account.id(), null, requestId);
            var subject = checked.subject();
            if (checked.credential().mustChange()) {
                // Not signed in yet: the temporary password must be replaced first. The count starts over.
                new AccountRepository(cfg.dsl()).recordSignIn(account.id(), 0, false, null);
                new AuditLog(cfg.dsl())
                        .done(
                                self,
                                account.username(),
                                AuditAction.SIGN_IN,
                                subject,
                                "password change required",
                                Map.of());
                return new Result(SignInOutcome.PASSWORD_CHANGE_REQUIRED, "temporary_password");
            }
            var now = clock.instant();
            boolean expired = checked.credential().expiresAt() != null
                    && !now.isBefore(checked.credential().expiresAt());
            new AccountRepository(cfg.dsl()).recordSignIn(account.id(), 0, false, expired ? null : now);
            if (expired) {
                // The sign-in page itself asks for a new password now: no DM about this expiry is needed later.
                new LifecycleRepository(cfg.dsl()).claimExpiredPassword(account.id(), now);
            }
            new AuditLog(cfg.dsl())
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
        });
    }
}
