package mn.miic.helpdesk.accounts.usecases;

import java.time.Clock;
import mn.miic.helpdesk.accounts.access.AccessPolicy;
import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.AccountStatus;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.outbox.Owed;

/** The guide's "Inactive to Active", from Inactive Expired or Inactive Manual. Restarts the inactivity clock. */
public final class ReactivateAccount {

    private final AccountTransactions transactions;
    private final AccessPolicy policy;
    private final Clock clock;

    public ReactivateAccount(AccountTransactions transactions, AccessPolicy policy, Clock clock) {
        this.transactions = transactions;
        this.policy = policy;
        this.clock = clock;
    }

    public Account execute(Actor actor, String username) {
        return execute(actor, username, Together.NOTHING);
    }

    /** @param together what commits with this change or not at all (the approval of a request for it) */
    public Account execute(Actor actor, String username, Together together) {
        return transactions.run(actor, AuditAction.REACTIVATE, unit -> {
            if (!together.claim(unit)) {
                throw Refusal.alreadyDone();
            }
            policy.requireManager(unit.requester(), "reactivate accounts");
            Account before = unit.lockTarget(username, together);
            policy.requireCanManage(unit.requester(), before, username, "reactivate accounts");
            policy.requireInactive(before);
            Account after = unit.accounts.update(
                    before,
                    before.withStatus(AccountStatus.ACTIVE, clock.instant(), null),
                    unit.requester().account().id());
            // Back at the site: the bot may find its person in Slack by the account's email again.
            new mn.miic.helpdesk.accounts.store.OffboardingRepository(unit.dsl()).forget(after.id());
            unit.done(null, AccountDiff.between(before, after, a -> null));
            if (!together.tellsTheOwner()) {
                unit.owe(new Owed.ChangeNotice(
                        after.id(), unit.requester().account().id(), "was reactivated"));
            }
            together.then(unit);
            return after;
        });
    }
}
