package mn.miic.helpdesk.accounts.usecases;

import mn.miic.helpdesk.accounts.access.AccessPolicy;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.audit.AuditAction;

/** The guide's "Account Locked: Locked to Unlocked". Also clears the count of failed sign-ins. */
public final class UnlockAccount {

    private final AccountTransactions transactions;
    private final AccessPolicy policy;

    public UnlockAccount(AccountTransactions transactions, AccessPolicy policy) {
        this.transactions = transactions;
        this.policy = policy;
    }

    public Account execute(Actor actor, String username) {
        return transactions.run(actor, AuditAction.UNLOCK, unit -> {
            policy.requireManager(unit.requester(), "unlock accounts");
            Account before = unit.lockTarget(username);
            policy.requireCanManage(unit.requester(), before, username, "unlock accounts");
            policy.requireLocked(before);
            Account after = unit.accounts.update(
                    before, before.withLocked(false), unit.requester().account().id());
            unit.done(null, AccountDiff.between(before, after, a -> null));
            return after;
        });
    }
}
