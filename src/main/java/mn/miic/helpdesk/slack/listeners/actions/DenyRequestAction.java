package mn.miic.helpdesk.slack.listeners.actions;

import java.util.List;
import mn.miic.helpdesk.requests.RequestDetails;
import mn.miic.helpdesk.requests.RequestUseCases;
import mn.miic.helpdesk.slack.Ids;
import mn.miic.helpdesk.slack.Turn;
import mn.miic.helpdesk.slack.listeners.Conversation;
import mn.miic.helpdesk.slack.listeners.Decisions;
import mn.miic.helpdesk.slack.views.RequestMessages;

/** Deny: a form for an optional reason; the submission decides (a request already decided says so instead). */
public final class DenyRequestAction implements Action {

    private final RequestUseCases requests;
    private final Conversation conversation;

    public DenyRequestAction(RequestUseCases requests, Conversation conversation) {
        this.requests = requests;
        this.conversation = conversation;
    }

    @Override
    public List<String> actionIds() {
        return List.of(Ids.Actions.REQUEST_DENY);
    }

    @Override
    public void handle(Turn turn, String value) {
        long requestId = Decisions.requestId(value);
        RequestDetails d = requests.decide().startDeny(conversation.actor(turn), requestId);
        if (!d.request().isOpen()) {
            conversation.say(
                    turn, "This request was already decided: " + RequestMessages.outcome(d) + " Nothing was changed.");
            return;
        }
        String meta = requestId + (turn.responseUrl() == null ? "" : " " + turn.responseUrl());
        conversation.open(turn, RequestMessages.denyModal(d, meta));
    }
}
