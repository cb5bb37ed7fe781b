package mn.miic.helpdesk.accounts.usecases;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.accounts.access.Requester;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.Privilege;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.audit.Change;
import mn.miic.helpdesk.organizations.Organization;

/**
 * The guide's "switch organization": staff who float between locations, and Health System Users who reach child
 * organizations, work in one organization at a time; commands act in that one.
 */
public final class SwitchOrganization {

    private final AccountTransactions transactions;

    SwitchOrganization(AccountTransactions transactions) {
        this.transactions = transactions;
    }

    /**
     * @param choices the organizations they may switch to; empty for the help desk, who may switch to any
     */
    public record Organizations(Organization current, List<Organization> choices, boolean anyOrganization) {}

    public Organizations show(Actor actor) {
        return transactions.run(actor, AuditAction.SWITCH_ORGANIZATION, unit -> {
            var requester = unit.requester();
            unit.about(requester.account());
            Organization current = unit.organizationOrWorking(null);
            unit.done("shown", Map.of());
            return new Organizations(current, choices(unit, requester), requester.isHelpDesk());
        });
    }

    public Organizations switchTo(Actor actor, String code) {
        return transactions.run(actor, AuditAction.SWITCH_ORGANIZATION, unit -> {
            var requester = unit.requester();
            Account own = requester.account();
            unit.about(own);
            if (!own.isInGoodStanding()) {
                throw Refusal.notAllowed("Your MIIC account is not active and unlocked, so you cannot switch"
                        + " organizations. Ask for help with /miic request.");
            }
            Organization before = unit.organizationOrWorking(null);
            Organization wanted = unit.organizationOrWorking(code);
            if (!requester.reach().includes(wanted.id())) {
                throw Refusal.notAllowed("You do not have access to " + wanted.displayName()
                        + ". Type /miic org to see the organizations you can switch to.");
            }
            unit.about(wanted);
            Long stored = wanted.id() == own.organizationId() ? null : wanted.id();
            unit.accounts().setCurrentOrganization(own.id(), stored);
            unit.done(null, Map.of("current_organization", new Change(before.code(), wanted.code())));
            return new Organizations(wanted, choices(unit, requester), requester.isHelpDesk());
        });
    }

    private static List<Organization> choices(UnitOfWork unit, Requester requester) {
        if (requester.isHelpDesk()) {
            return List.of(requester.home());
        }
        Account own = requester.account();
        Set<Long> ids = new LinkedHashSet<>();
        ids.add(own.organizationId());
        ids.addAll(own.additionalOrganizationIds());
        if (own.role().has(Privilege.CHILD_ORGANIZATIONS)) {
            ids = new LinkedHashSet<>(unit.organizations().withDescendants(ids));
        }
        List<Organization> found = new ArrayList<>(unit.organizations().findAllById(ids));
        found.sort(Comparator.comparing((Organization o) -> o.id() != own.organizationId())
                .thenComparing(Organization::code));
        return found;
    }
}
