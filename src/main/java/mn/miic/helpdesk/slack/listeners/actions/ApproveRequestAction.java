package mn.miic.helpdesk.slack.listeners.actions;

import java.util.List;
import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.requests.DecideRequest;
import mn.miic.helpdesk.requests.RequestUseCases;
import mn.miic.helpdesk.slack.Ids;
import mn.miic.helpdesk.slack.ReplyTo;
import mn.miic.helpdesk.slack.Turn;
import mn.miic.helpdesk.slack.listeners.Conversation;
import mn.miic.helpdesk.slack.listeners.Decisions;
import mn.miic.helpdesk.slack.views.DeliveryMessages;
import mn.miic.helpdesk.slack.views.RequestMessages;

/**
 * Approve, on an approver's DM or the help-desk post: the same use case as the matching {@code /miic} command, with
 * the approver as requester; the first decision wins, and a late click is told who decided.
 */
public final class ApproveRequestAction implements Action {

    private final RequestUseCases requests;
    private final Conversation conversation;

    public ApproveRequestAction(RequestUseCases requests, Conversation conversation) {
        this.requests = requests;
        this.conversation = conversation;
    }

    @Override
    public List<String> actionIds() {
        return List.of(Ids.Actions.REQUEST_APPROVE);
    }

    @Override
    public void handle(Turn turn, String value) {
        long requestId = Decisions.requestId(value);
        Actor actor = conversation.actor(turn).replyingTo(ReplyTo.after(turn.responseUrl()));
        DecideRequest.Approved approved;
        try {
            approved = requests.decide().approve(actor, requestId);
        } catch (Refusal refusal) {
            Decisions.lateOrRefused(conversation, requests, turn, requestId, refusal);
            return;
        }
        String done = RequestMessages.approvedForApprover(approved.request());
        if (approved.issued() != null) {
            done += " " + DeliveryMessages.onItsWay(approved.issued().account());
        }
        conversation.say(turn, done);
    }
}
