package mn.miic.helpdesk.requests;

import java.util.Map;
import mn.miic.helpdesk.accounts.store.AccountRepository;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.audit.AuditLog;
import mn.miic.helpdesk.organizations.OrganizationRepository;
import org.jooq.DSLContext;

/** Audit rows for the steps of a request, written in the caller's transaction, about the requester's account. */
final class RequestLog {

    private RequestLog() {}

    /** The bot itself, for steps nobody clicked: routing, escalation, expiry. */
    static Actor bot(String what) {
        return new Actor(null, null, what + "-" + java.util.UUID.randomUUID());
    }

    static void write(DSLContext tx, Actor actor, AuditAction action, HelpRequest request, String reason) {
        var account = new AccountRepository(tx).findById(request.accountId()).orElseThrow();
        var org = new OrganizationRepository(tx)
                .findById(account.organizationId())
                .orElseThrow();
        String actorUsername = actor.accountId() == null
                ? null
                : new AccountRepository(tx)
                        .findById(actor.accountId())
                        .map(a -> a.username())
                        .orElse(null);
        new AuditLog(tx)
                .done(
                        actor,
                        actorUsername,
                        action,
                        new AuditLog.Subject(account.id(), account.username(), org.id(), org.code()),
                        "request #" + request.id() + " (" + request.kind().label() + ")"
                                + (reason == null || reason.isBlank() ? "" : ": " + reason),
                        Map.of());
    }
}
