package mn.miic.helpdesk.requests;

import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.audit.AuditLog;
import mn.miic.helpdesk.organizations.Organization;

/** A request with the people it names, as every message about it shows them. */
public record RequestDetails(
        HelpRequest request,
        Account account,
        Organization organization,
        Account claimedBy,
        Account decidedBy,
        AuditLog.FailedSignIns failedSignIns) {

    public RequestDetails(
            HelpRequest request, Account account, Organization organization, Account claimedBy, Account decidedBy) {
        this(request, account, organization, claimedBy, decidedBy, null);
    }
}
