package mn.miic.helpdesk.accounts.usecases;

import java.util.List;
import java.util.Map;
import java.util.Set;
import mn.miic.helpdesk.accounts.access.AccessPolicy;
import mn.miic.helpdesk.accounts.access.AccountAction;
import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.store.OffboardingRepository;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.organizations.Organization;

/** One account's card: the guide's Edit User fields, its organizations, and what the requester may do with it. */
public final class ViewAccount {

    private final AccountTransactions transactions;
    private final AccessPolicy policy;

    public ViewAccount(AccountTransactions transactions, AccessPolicy policy) {
        this.transactions = transactions;
        this.policy = policy;
    }

    /**
     * @param offboarded when and by whom its person was offboarded (left the site), or null
     */
    public record AccountCard(
            Account account,
            Organization organization,
            List<Organization> additionalOrganizations,
            Set<AccountAction> allowedActions,
            Offboarded offboarded) {

        public AccountCard(
                Account account,
                Organization organization,
                List<Organization> additionalOrganizations,
                Set<AccountAction> allowedActions) {
            this(account, organization, additionalOrganizations, allowedActions, null);
        }
    }

    /** The person left the site: when, by whom (null: not an account any more), and the organizations it lost. */
    public record Offboarded(java.time.Instant at, Account by, String removedOrganizations) {}

    /** The card of an account as the store has it now, for this requester. */
    static AccountCard cardOf(UnitOfWork unit, AccessPolicy policy, Account target) {
        Offboarded offboarded = target.isActive()
                ? null
                : new OffboardingRepository(unit.dsl())
                        .find(target.id())
                        .map(o -> new Offboarded(
                                o.at(),
                                o.byAccountId() == null
                                        ? null
                                        : unit.accounts
                                                .findById(o.byAccountId())
                                                .orElse(null),
                                o.removedOrganizations()))
                        .orElse(null);
        return new AccountCard(
                target,
                unit.organizationOf(target),
                unit.organizations.findAllById(target.additionalOrganizationIds()),
                policy.allowedActions(unit.requester(), target),
                offboarded);
    }

    public AccountCard execute(Actor actor, String username) {
        return transactions.run(actor, AuditAction.VIEW, unit -> {
            unit.about(username);
            var requester = unit.requester();
            Account target = unit.accounts.findByUsername(username).orElse(null);
            if (target == null || !requester.is(target)) {
                policy.requireManager(requester, "look up other users' accounts");
            }
            if (target == null) {
                throw Refusal.notFound(username);
            }
            policy.requireCanSee(requester, target, username);
            unit.about(target);
            unit.done(null, Map.of());
            return cardOf(unit, policy, target);
        });
    }

    /**
     * The card an action starts from (a confirmation, the Edit or Inactivate form): refused, and audited as refused,
     * when the action itself would be, judged by the same checks it runs.
     */
    public AccountCard prepare(Actor actor, String username, AccountAction action) {
        return transactions.run(actor, AuditAction.VIEW, unit -> {
            Account target = unit.targetForAction(policy, username, action);
            unit.done("before " + action.name().toLowerCase(java.util.Locale.ROOT), Map.of());
            return cardOf(unit, policy, target);
        });
    }

    /** The requester's own account, whatever its state: everyone may see their own. */
    public AccountCard self(Actor actor) {
        return transactions.run(actor, AuditAction.VIEW, unit -> {
            Account own = unit.requester().account();
            unit.about(own);
            unit.done(null, Map.of());
            return cardOf(unit, policy, own);
        });
    }
}
