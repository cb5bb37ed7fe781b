package mn.miic.helpdesk.accounts.usecases;

import java.time.Clock;
import java.time.LocalDate;
import mn.miic.helpdesk.accounts.access.AccessPolicy;
import mn.miic.helpdesk.accounts.access.InvalidInput;
import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.AccountDetails;
import mn.miic.helpdesk.accounts.domain.AccountFields;
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

    /**
     * @param together what commits with this change or not at all (the approval of a request for it); a time-limited
     *     account whose access ended comes back with no end date (its administrator can give one in the Edit form)
     */
    public Account execute(Actor actor, String username, Together together) {
        return execute(actor, username, together, null);
    }

    /**
     * A time-limited account brought back with a new last day of access (today or later), or none: its old date is
     * replaced either way, since the next sweep would inactivate it again for a date that has passed.
     */
    public Account execute(Actor actor, String username, LocalDate newAccessUntil) {
        if (newAccessUntil != null && newAccessUntil.isBefore(policy.today())) {
            throw InvalidInput.of(
                    AccountFields.ACCESS_UNTIL,
                    "The new last day of access cannot be in the past: pick today or a later day, or leave it empty"
                            + " for no end.");
        }
        return execute(actor, username, Together.NOTHING, newAccessUntil);
    }

    private Account execute(Actor actor, String username, Together together, LocalDate newAccessUntil) {
        return transactions.run(actor, AuditAction.REACTIVATE, unit -> {
            if (!together.claim(unit)) {
                throw Refusal.alreadyDone();
            }
            policy.requireManager(unit.requester(), "reactivate accounts");
            Account before = unit.lockTarget(username, together);
            policy.requireCanManage(unit.requester(), before, username, "reactivate accounts");
            policy.requireInactive(before);
            Account wanted = before.withStatus(AccountStatus.ACTIVE, clock.instant(), null);
            if (newAccessUntil != null || before.accessEnded(policy.today())) {
                wanted = wanted.withDetails(withAccessUntil(wanted.details(), newAccessUntil));
            }
            Account after = unit.accounts.update(
                    before, wanted, unit.requester().account().id());
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

    private static AccountDetails withAccessUntil(AccountDetails d, LocalDate accessUntil) {
        return new AccountDetails(
                d.username(),
                d.name(),
                d.role(),
                d.phone(),
                d.email(),
                d.userDuaDate(),
                d.additionalOrganizationIds(),
                accessUntil);
    }
}
