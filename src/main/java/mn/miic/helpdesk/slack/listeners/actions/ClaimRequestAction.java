package mn.miic.helpdesk.slack.listeners.actions;

import java.util.List;
import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.requests.RequestDetails;
import mn.miic.helpdesk.requests.RequestUseCases;
import mn.miic.helpdesk.slack.Ids;
import mn.miic.helpdesk.slack.Turn;
import mn.miic.helpdesk.slack.listeners.Conversation;
import mn.miic.helpdesk.slack.listeners.Decisions;
import mn.miic.helpdesk.slack.views.RequestMessages;

/** Claim, in the help-desk channel: one agent takes a request, so that two do not work on it. */
public final class ClaimRequestAction implements Action {

    private final RequestUseCases requests;
    private final Conversation conversation;

    public ClaimRequestAction(RequestUseCases requests, Conversation conversation) {
        this.requests = requests;
        this.conversation = conversation;
    }

    @Override
    public List<String> actionIds() {
        return List.of(Ids.Actions.REQUEST_CLAIM);
    }

    @Override
    public void handle(Turn turn, String value) {
        long requestId = Decisions.requestId(value);
        try {
            requests.decide().claim(conversation.actor(turn), requestId);
        } catch (Refusal refusal) {
            if (refusal.kind() != Refusal.Kind.ALREADY_DONE) {
                throw refusal;
            }
            RequestDetails now = requests.decide().details(requestId);
            conversation.say(
                    turn,
                    now.request().isOpen()
                            ? (now.claimedBy() == null ? "" : now.claimedBy().displayName())
                                    + " already claimed this request. Nothing was changed."
                            : "This request was already decided: " + RequestMessages.outcome(now));
        }
    }
}
