package mn.miic.helpdesk.slack.delivery;

import java.util.Optional;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.store.AccountRepository;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationRepository;
import mn.miic.helpdesk.outbox.Delivery;
import mn.miic.helpdesk.outbox.OutboxStatus;
import mn.miic.helpdesk.outbox.Owed;
import mn.miic.helpdesk.outbox.OwedMessage;
import mn.miic.helpdesk.requests.AskHelpDesk;
import mn.miic.helpdesk.requests.RequestDetails;
import mn.miic.helpdesk.requests.RequestUseCases;
import mn.miic.helpdesk.slack.views.AccountMessages;
import mn.miic.helpdesk.slack.views.RequestMessages;
import org.jooq.DSLContext;

/**
 * Requests for help in Slack, each shown as it is when it goes: to an approver by DM, to the help-desk channel, the
 * update of a copy, and the requester's notices along the way.
 */
final class RequestDeliveries {

    private final Sends sends;
    private final RequestUseCases requests;
    private final DSLContext dsl;
    private final Optional<String> helpDeskChannel;

    RequestDeliveries(Sends sends, RequestUseCases requests, DSLContext dsl, Optional<String> helpDeskChannel) {
        this.sends = sends;
        this.requests = requests;
        this.dsl = dsl;
        this.helpDeskChannel = helpDeskChannel;
    }

    Delivery toApprover(Owed.RequestToApprover r) {
        RequestDetails d = requests.decide().details(r.requestId());
        return sends.post(
                r.approverSlackUserId(),
                RequestMessages.fallback(d),
                RequestMessages.forApprover(d),
                "asked an approver by DM");
    }

    Delivery toHelpDesk(Owed.RequestToHelpDesk r) {
        if (helpDeskChannel.isEmpty()) {
            return new Delivery.Skipped(
                    "no help-desk channel (HELPDESK_CHANNEL_ID): it waits in the help desk's" + " /miic queue");
        }
        RequestDetails d = requests.decide().details(r.requestId());
        return sends.post(
                helpDeskChannel.get(),
                RequestMessages.fallback(d),
                RequestMessages.forHelpDesk(d),
                "posted to the help-desk channel");
    }

    Delivery update(Owed.RequestCopyUpdate u) {
        RequestDetails d = requests.decide().details(u.requestId());
        return sends.slack()
                        .update(
                                u.channel(),
                                u.ts(),
                                RequestMessages.fallback(d),
                                u.helpDesk() ? RequestMessages.forHelpDesk(d) : RequestMessages.forApprover(d))
                ? new Delivery.Delivered("updated a copy", u.channel(), u.ts())
                : new Delivery.Refused("Slack refused the update of the copy in " + u.channel());
    }

    Delivery notice(Owed.RequestNotice n) {
        RequestDetails d = requests.decide().details(n.requestId());
        String text =
                switch (n.step()) {
                    case ASKED -> RequestMessages.asked(d, n.approvers());
                    case ESCALATED -> RequestMessages.escalated(d);
                    case CLAIMED -> RequestMessages.claimed(d);
                };
        return sends.dm(n.requesterSlackUserId(), "Your request", AccountMessages.say(text), "told the requester");
    }

    /** How it ended; an approved reset whose password did not reach them says so instead of "above". */
    Delivery outcome(Owed.RequestOutcome o, Optional<OwedMessage> password) {
        RequestDetails d = requests.decide().details(o.requestId());
        String text = password.isPresent() && password.get().status() != OutboxStatus.DELIVERED
                ? RequestMessages.approvedButNotDelivered(d)
                : RequestMessages.decidedForRequester(d);
        return sends.dm(o.requesterSlackUserId(), text, AccountMessages.say(text), "told the requester");
    }

    Delivery question(Owed.HelpDeskQuestion q) {
        if (helpDeskChannel.isEmpty()) {
            return new Delivery.Skipped("no help-desk channel (HELPDESK_CHANNEL_ID)");
        }
        Account asker = q.askerAccountId() == null
                ? null
                : new AccountRepository(dsl).findById(q.askerAccountId()).orElse(null);
        Organization org = asker == null
                ? null
                : new OrganizationRepository(dsl)
                        .findById(asker.organizationId())
                        .orElse(null);
        return sends.post(
                helpDeskChannel.get(),
                "A question for the MIIC help desk",
                RequestMessages.question(new AskHelpDesk.Question(q.askerSlackUserId(), asker, org, q.text())),
                "posted to the help-desk channel");
    }
}
