package mn.miic.helpdesk.requests;

import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.store.AccountRepository;
import mn.miic.helpdesk.audit.AuditLog;
import mn.miic.helpdesk.organizations.OrganizationRepository;
import org.jooq.DSLContext;

/** Reads a request with the people and the organization it names. */
final class RequestReader {

    private RequestReader() {}

    static RequestDetails details(DSLContext dsl, long requestId) {
        HelpRequest request = new RequestRepository(dsl)
                .findById(requestId)
                .orElseThrow(() -> Refusal.notAllowed("That request for help no longer exists."));
        return details(dsl, request);
    }

    static RequestDetails details(DSLContext dsl, HelpRequest request) {
        AccountRepository accounts = new AccountRepository(dsl);
        Account account = accounts.findById(request.accountId()).orElseThrow();
        return new RequestDetails(
                request,
                account,
                new OrganizationRepository(dsl)
                        .findById(account.organizationId())
                        .orElseThrow(),
                request.claimedBy() == null
                        ? null
                        : accounts.findById(request.claimedBy()).orElse(null),
                request.decidedBy() == null
                        ? null
                        : accounts.findById(request.decidedBy()).orElse(null),
                // What locked it, for whoever decides an unlock.
                request.kind() == RequestKind.UNLOCK && account.locked()
                        ? new AuditLog(dsl).failedSignInsOf(account.id()).orElse(null)
                        : null);
    }
}
