package mn.miic.helpdesk.accounts.usecases;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import mn.miic.helpdesk.accounts.access.AccessPolicy;
import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.AccountDetails;
import mn.miic.helpdesk.accounts.domain.AccountForm;
import mn.miic.helpdesk.accounts.domain.AccountFormValidator;
import mn.miic.helpdesk.accounts.domain.AccountStatus;
import mn.miic.helpdesk.accounts.store.DuplicateAccountField;
import mn.miic.helpdesk.accounts.store.NewAccount;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.audit.Change;
import mn.miic.helpdesk.organizations.Organization;

/** The guide's "Add User": a new active account with a temporary password, returned once for delivery. */
public final class AddAccount {

    private final AccountTransactions transactions;
    private final AccessPolicy policy;
    private final PasswordIssuer issuer;

    AddAccount(AccountTransactions transactions, AccessPolicy policy, PasswordIssuer issuer) {
        this.transactions = transactions;
        this.policy = policy;
        this.issuer = issuer;
    }

    /** @param organizationCode where the user works, or null for the requester's current organization */
    public IssuedPassword execute(Actor actor, String organizationCode, AccountForm form) {
        return transactions.run(actor, AuditAction.ADD, unit -> {
            var requester = unit.requester();
            policy.requireManager(requester, "add users");
            unit.about(form.username() == null ? null : form.username().trim());
            Organization org = unit.organizationOrWorking(organizationCode);
            unit.about(org);
            policy.requireCanManageOrganization(requester, org, "add users");
            AccountDetails details = AccountFormValidator.validate(
                    form, code -> unit.organizations.findByCode(code).map(Organization::id), policy.today());
            policy.requireCanGrant(requester, details.role(), org);
            policy.requireCurrentDua(org);
            for (Long extra : details.additionalOrganizationIds()) {
                if (!requester.reach().includes(extra)) {
                    throw Refusal.notAllowed("You can only give access to organizations whose users you manage.");
                }
            }
            if (unit.accounts.isUsernameTaken(details.username())) {
                throw UsernameSuggestions.taken(unit, details.username(), details.name());
            }
            if (details.email() != null && unit.accounts.isEmailTaken(details.email(), null)) {
                throw UsernameSuggestions.emailTaken();
            }
            long id;
            try {
                id = unit.accounts.insert(new NewAccount(
                        org.id(),
                        details,
                        AccountStatus.ACTIVE,
                        false,
                        null,
                        requester.account().id()));
            } catch (DuplicateAccountField e) {
                // Someone added the same username or email a moment ago, between our check and our insert.
                throw e.field() == DuplicateAccountField.Field.USERNAME
                        ? UsernameSuggestions.taken(unit, details.username(), details.name())
                        : UsernameSuggestions.emailTaken();
            }
            Account created = unit.accounts.findById(id).orElseThrow();
            unit.about(created);
            PasswordIssuer.Issued issued = issuer.issue(unit, id, true);
            Map<String, Change> changes = new LinkedHashMap<>(AccountDiff.between(null, created, orgCodes(unit)));
            changes.put("password", new Change(null, "temporary"));
            unit.done(null, changes);
            return new IssuedPassword(issued.account(), org, issued.password(), issued.delivery());
        });
    }

    static Function<Account, String> orgCodes(UnitOfWork unit) {
        return a -> a.additionalOrganizationIds().isEmpty()
                ? null
                : String.join(
                        ",",
                        unit.organizations.findAllById(a.additionalOrganizationIds()).stream()
                                .map(Organization::code)
                                .toList());
    }
}
