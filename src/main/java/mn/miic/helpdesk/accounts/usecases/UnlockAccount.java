package mn.miic.helpdesk.accounts.usecases;

import mn.miic.helpdesk.accounts.access.AccessPolicy;
import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.outbox.Owed;

/** The guide's "Account Locked: Locked to Unlocked". Also clears the count of failed sign-ins. */
public final class UnlockAccount {

    private final AccountTransactions transactions;
    private final AccessPolicy policy;

    public UnlockAccount(AccountTransactions transactions, AccessPolicy policy) {
        this.transactions = transactions;
        this.policy = policy;
    }

    public Account execute(Actor actor, String username) {
        return execute(actor, username, Together.NOTHING);
    }

    /** @param together what commits with this change or not at all (the approval of a request for it) */
    public Account execute(Actor actor, String username, Together together) {
        return transactions.run(actor, AuditAction.UNLOCK, unit -> {
            if (!together.claim(unit)) {
                throw Refusal.alreadyDone();
            }
            policy.requireManager(unit.requester(), "unlock accounts");
            Account before = unit.lockTarget(username, together);
            policy.requireCanManage(unit.requester(), before, username, "unlock accounts");
            policy.requireLocked(before);
            Account after = unit.accounts.update(
                    before, before.withLocked(false), unit.requester().account().id());
            unit.done(null, AccountDiff.between(before, after, a -> null));
            if (!together.tellsTheOwner()) {
                unit.owe(new Owed.ChangeNotice(
                        after.id(), unit.requester().account().id(), "was unlocked"));
            }
            together.then(unit);
            return after;
        });
    }
}
