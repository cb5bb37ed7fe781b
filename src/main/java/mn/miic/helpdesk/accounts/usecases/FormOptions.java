package mn.miic.helpdesk.accounts.usecases;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mn.miic.helpdesk.accounts.access.AccessPolicy;
import mn.miic.helpdesk.accounts.access.AccountAction;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.RoleAssignment;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.organizations.Organization;

/**
 * What the Add User and Edit User forms offer this requester: only the roles they may give, and only when the form
 * could be saved at all (an organization whose DUA lapsed gets no Add form, just the reason).
 */
public final class FormOptions {

    private final AccountTransactions transactions;
    private final AccessPolicy policy;

    FormOptions(AccountTransactions transactions, AccessPolicy policy) {
        this.transactions = transactions;
        this.policy = policy;
    }

    public record AddForm(Organization organization, List<RoleAssignment> roles, boolean helpDesk) {}

    /**
     * @param roles the roles offered; the account's own role is always among them, as the form opens with it
     */
    public record EditForm(
            Account account,
            Organization organization,
            List<String> additionalOrganizationCodes,
            List<RoleAssignment> roles,
            boolean helpDesk) {}

    /** The Inactivate form: the account, and whether to offer the help desk's override of a guard. */
    public record InactivateForm(ViewAccount.AccountCard card, boolean helpDesk) {}

    public InactivateForm forInactivate(Actor actor, String username) {
        return transactions.run(actor, AuditAction.VIEW, unit -> {
            var requester = unit.requester();
            Account target = unit.targetForAction(policy, username, AccountAction.INACTIVATE);
            unit.done("before inactivate", Map.of());
            var card = ViewAccount.cardOf(unit, policy, target);
            return new InactivateForm(card, requester.isHelpDesk());
        });
    }

    public AddForm forAdd(Actor actor, String organizationCode) {
        return transactions.run(actor, AuditAction.VIEW, unit -> {
            var requester = unit.requester();
            policy.requireManager(requester, "add users");
            Organization org = unit.organizationOrWorking(organizationCode);
            unit.about(org);
            policy.requireCanManageOrganization(requester, org, "add users");
            policy.requireCurrentDua(org);
            List<RoleAssignment> roles = policy.grantableRoles(requester, org);
            unit.done("before add", Map.of());
            return new AddForm(org, roles, requester.isHelpDesk());
        });
    }

    public EditForm forEdit(Actor actor, String username) {
        return transactions.run(actor, AuditAction.VIEW, unit -> {
            var requester = unit.requester();
            Account target = unit.targetForAction(policy, username, AccountAction.EDIT);
            Organization org = unit.organizationOf(target);
            List<RoleAssignment> roles = new ArrayList<>(policy.grantableRoles(requester, org));
            if (!roles.contains(target.role())) {
                roles.add(0, target.role());
            }
            List<String> codes = unit.organizations().findAllById(target.additionalOrganizationIds()).stream()
                    .map(Organization::code)
                    .sorted()
                    .toList();
            unit.done("before edit", Map.of());
            return new EditForm(target, org, codes, roles, requester.isHelpDesk());
        });
    }
}
