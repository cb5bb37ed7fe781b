package mn.miic.helpdesk.accounts.usecases;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import mn.miic.helpdesk.accounts.access.AccessPolicy;
import mn.miic.helpdesk.accounts.access.AccountAction;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.store.AccountPage;
import mn.miic.helpdesk.accounts.store.StatusFilter;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.organizations.Organization;

/** The guide's Manage Users list: one organization's accounts, by name or username, active / inactive / all. */
public final class SearchAccounts {

    public static final int MAX_PAGE_SIZE = 100;

    private final AccountTransactions transactions;
    private final AccessPolicy policy;

    public SearchAccounts(AccountTransactions transactions, AccessPolicy policy) {
        this.transactions = transactions;
        this.policy = policy;
    }

    /**
     * A page of accounts, and for each (by id) the actions the requester may take on it.
     *
     * @param organization the organization searched, or null for a search of every organization in reach
     * @param organizations each account's organization, by id, for a search of every organization
     */
    public record Result(
            Organization organization,
            AccountPage page,
            Map<Long, Set<AccountAction>> allowedActions,
            Map<Long, Organization> organizations) {

        public Result(Organization organization, AccountPage page, Map<Long, Set<AccountAction>> allowedActions) {
            this(organization, page, allowedActions, Map.of());
        }

        /** Across every organization the requester reaches, each account with its organization. */
        public boolean everywhere() {
            return organization == null;
        }

        public Set<AccountAction> allowed(Account account) {
            return allowedActions.getOrDefault(account.id(), Set.of());
        }
    }

    /** @param organizationCode the organization to search, or null for the requester's current one */
    public Result execute(
            Actor actor, String organizationCode, String text, StatusFilter filter, int page, int pageSize) {
        return execute(actor, organizationCode, text, filter, null, page, pageSize);
    }

    /**
     * The help desk and Health System Users search every organization they reach when they type a name and name no
     * organization and have not switched to one; an administrator of one site searches their site, and a blank search
     * lists one organization.
     */
    static boolean searchesEverywhere(
            mn.miic.helpdesk.accounts.access.Requester requester,
            String code,
            String text,
            java.time.LocalDate duaBefore) {
        boolean wide = requester.reach().everything()
                || requester.account().role().has(mn.miic.helpdesk.accounts.domain.Privilege.CHILD_ORGANIZATIONS);
        // One who switched to an organization (/miic org CODE) searches that one.
        boolean switched = requester.account().currentOrganizationId() != null;
        return wide
                && !switched
                && (code == null || code.isBlank())
                && text != null
                && !text.isBlank()
                && duaBefore == null;
    }

    private Result everywhere(UnitOfWork unit, String text, StatusFilter filter, int page, int pageSize) {
        var requester = unit.requester();
        unit.about(requester.account());
        int size = Math.max(1, Math.min(pageSize, MAX_PAGE_SIZE));
        AccountPage result = new mn.miic.helpdesk.accounts.store.AccountSearch(unit.dsl())
                .everywhere(requester.reach(), text, filter, Math.max(0, page), size);
        unit.done(
                "search of every organization in reach \"" + text.trim() + "\", "
                        + filter.name().toLowerCase() + ", page " + (Math.max(0, page) + 1) + ": " + result.total()
                        + " found",
                Map.of());
        Map<Long, Set<AccountAction>> allowed = new HashMap<>();
        result.accounts().forEach(a -> allowed.put(a.id(), policy.allowedActions(requester, a)));
        Map<Long, Organization> orgs = unit.organizations()
                .byId(result.accounts().stream()
                        .map(Account::organizationId)
                        .distinct()
                        .toList());
        return new Result(null, result, allowed, orgs);
    }

    /** @param duaBefore only accounts whose user DUA is older than this date, or not on file; null for all */
    public Result execute(
            Actor actor,
            String organizationCode,
            String text,
            StatusFilter filter,
            java.time.LocalDate duaBefore,
            int page,
            int pageSize) {
        return transactions.run(actor, AuditAction.SEARCH, unit -> {
            policy.requireManager(unit.requester(), "search for users");
            if (searchesEverywhere(unit.requester(), organizationCode, text, duaBefore)) {
                return everywhere(unit, text, filter, page, pageSize);
            }
            Organization org = unit.organizationOrWorking(organizationCode);
            unit.about(org);
            policy.requireCanManageOrganization(unit.requester(), org, "search for users");
            int size = Math.max(1, Math.min(pageSize, MAX_PAGE_SIZE));
            AccountPage result = unit.accounts.search(org.id(), text, filter, duaBefore, Math.max(0, page), size);
            unit.done(
                    "search \"" + (text == null ? "" : text.trim()) + "\", "
                            + filter.name().toLowerCase()
                            + (duaBefore == null ? "" : ", user DUA before " + duaBefore) + ", page "
                            + (Math.max(0, page) + 1) + ": " + result.total()
                            + " found",
                    Map.of());
            Map<Long, Set<AccountAction>> allowed = new HashMap<>();
            result.accounts().forEach(a -> allowed.put(a.id(), policy.allowedActions(unit.requester(), a)));
            return new Result(org, result, allowed);
        });
    }
}
