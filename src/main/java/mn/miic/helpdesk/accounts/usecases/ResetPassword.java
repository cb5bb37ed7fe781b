package mn.miic.helpdesk.accounts.usecases;

import java.util.LinkedHashMap;
import java.util.Map;
import mn.miic.helpdesk.accounts.access.AccessPolicy;
import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.audit.Change;

/**
 * The guide's "R": a new temporary password, returned once for delivery. It does not unlock or reactivate; the result
 * carries the account so the caller can say so.
 */
public final class ResetPassword {

    private final AccountTransactions transactions;
    private final AccessPolicy policy;
    private final PasswordIssuer issuer;

    ResetPassword(AccountTransactions transactions, AccessPolicy policy, PasswordIssuer issuer) {
        this.transactions = transactions;
        this.policy = policy;
        this.issuer = issuer;
    }

    public IssuedPassword execute(Actor actor, String username) {
        return execute(actor, username, Together.NOTHING);
    }

    /** @param together what commits with the reset or not at all (the approval of a request for it) */
    public IssuedPassword execute(Actor actor, String username, Together together) {
        return transactions.run(actor, AuditAction.RESET_PASSWORD, unit -> {
            if (!together.claim(unit)) {
                throw Refusal.alreadyDone();
            }
            var requester = unit.requester();
            policy.requireManager(requester, "reset passwords");
            Account target = unit.lockTarget(username, together);
            policy.requireCanManage(requester, target, username, "reset passwords");
            policy.requireNotSelf(requester, target, "reset the password of");
            policy.requireOutranksOrEquals(requester, target, "reset the password of");
            PasswordIssuer.Issued issued = issuer.issue(unit, target.id(), false);
            Map<String, Change> changes = new LinkedHashMap<>();
            changes.put("password", new Change(target.hasPassword() ? "set" : "none", "temporary"));
            changes.put(
                    "password_expires_at",
                    new Change(
                            target.passwordExpiresAt() == null
                                    ? null
                                    : target.passwordExpiresAt().toString(),
                            issued.expiresAt().toString()));
            unit.done(null, changes);
            together.then(unit);
            return new IssuedPassword(
                    issued.account(), unit.organizationOf(target), issued.password(), issued.delivery());
        });
    }
}
