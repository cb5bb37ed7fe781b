package mn.miic.helpdesk.signin;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mn.miic.helpdesk.accounts.password.PasswordHasher;
import mn.miic.helpdesk.accounts.password.PasswordPolicy;
import mn.miic.helpdesk.accounts.password.PolicyViolation;
import mn.miic.helpdesk.accounts.store.AccountRepository;
import mn.miic.helpdesk.accounts.store.Credential;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.audit.AuditLog;
import mn.miic.helpdesk.audit.Change;
import org.jooq.DSLContext;

/**
 * A user replaces their password (SPEC 7): the current one must be right, the new one must pass every rule of SPEC
 * 2.3, including the last passwords and the temporary one it replaces. Clears must-change; audited, never the
 * password.
 */
public final class ChangePassword {

    /** @param refusal null when changed; {@code violations} is non-empty only for a new password that breaks rules */
    public record Result(SignInOutcome refusal, String detail, List<PolicyViolation> violations, Duration retryAfter) {
        Result(SignInOutcome refusal, String detail, List<PolicyViolation> violations) {
            this(refusal, detail, violations, null);
        }

        public boolean changed() {
            return refusal == null && violations.isEmpty();
        }
    }

    private final DSLContext dsl;
    private final Credentials credentials;
    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final int historySize;
    private final Duration lifetime;
    private final SignInThrottle throttle;

    ChangePassword(
            DSLContext dsl,
            Credentials credentials,
            PasswordHasher hasher,
            PasswordPolicy policy,
            Clock clock,
            int historySize,
            Duration lifetime,
            SignInThrottle throttle) {
        this.throttle = throttle;
        this.dsl = dsl;
        this.credentials = credentials;
        this.policy = policy;
        this.hasher = hasher;
        this.clock = clock;
        this.historySize = historySize;
        this.lifetime = lifetime;
    }

    /**
     * @param clientAddress where the attempt came from: a wrong current password counts like a wrong sign-in
     * @throws Busy when the password checks or the API's database connections are all taken
     */
    public Result change(
            String requestId,
            String clientAddress,
            String orgCode,
            String username,
            char[] current,
            char[] replacement) {
        Actor actor = new Actor(null, null, requestId);
        SignInThrottle.Keys keys = SignInThrottle.Keys.of(clientAddress, orgCode, username);
        var wait = throttle.holdBack(dsl, actor, AuditAction.CHANGE_PASSWORD, keys, clientAddress, username);
        if (wait.isPresent()) {
            return new Result(SignInOutcome.THROTTLED, null, List.of(), wait.get());
        }
        return credentials.checkThen(
                dsl, actor, AuditAction.CHANGE_PASSWORD, orgCode, username, current, (tx, checked) -> {
                    if (checked.refusal() == SignInOutcome.INVALID_CREDENTIALS) {
                        throttle.failed(tx, keys);
                    }
                    return changeChecked(tx, requestId, checked, replacement);
                });
    }

    private Result changeChecked(DSLContext tx, String requestId, Credentials.Checked checked, char[] replacement) {
        if (!checked.passed()) {
            return new Result(checked.refusal(), checked.refusalDetail(), List.of());
        }
        var account = checked.account();
        AccountRepository accounts = new AccountRepository(tx);
        List<String> recent = accounts.recentPasswordHashes(account.id(), historySize + 1);
        List<PolicyViolation> violations = policy.check(
                new String(replacement),
                account.username(),
                List.of(account.name().first(), account.name().last()),
                recent);
        Actor self = new Actor(account.id(), null, requestId);
        var subject = checked.subject();
        if (!violations.isEmpty()) {
            new AuditLog(tx)
                    .refused(
                            self,
                            account.username(),
                            AuditAction.CHANGE_PASSWORD,
                            subject,
                            "new password breaks: "
                                    + violations.stream()
                                            .map(PolicyViolation::rule)
                                            .toList());
            return new Result(null, null, violations);
        }
        String hash = hasher.hash(new String(replacement));
        var expires = clock.instant().plus(lifetime);
        accounts.setCredential(account.id(), new Credential(hash, expires, false), account.id());
        accounts.addToHistory(account.id(), hash, false);
        accounts.recordSignIn(account.id(), 0, false, null);
        new AuditLog(tx)
                .done(
                        self,
                        account.username(),
                        AuditAction.CHANGE_PASSWORD,
                        subject,
                        checked.credential().mustChange() ? "temporary password replaced" : "password changed",
                        Map.of(
                                "must_change_password",
                                new Change(String.valueOf(checked.credential().mustChange()), "false")));
        return new Result(null, null, List.of());
    }
}
