package mn.miic.helpdesk.slack.listeners.views;

import com.slack.api.model.view.View;
import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.requests.RequestDetails;
import mn.miic.helpdesk.requests.RequestUseCases;
import mn.miic.helpdesk.slack.Ids;
import mn.miic.helpdesk.slack.Turn;
import mn.miic.helpdesk.slack.listeners.Conversation;
import mn.miic.helpdesk.slack.listeners.Decisions;

/** Deny's form: the reason is optional; the denial itself runs after the acknowledgement. */
public final class DenyRequestForm implements Form {

    private final RequestUseCases requests;
    private final Conversation conversation;

    public DenyRequestForm(RequestUseCases requests, Conversation conversation) {
        this.requests = requests;
        this.conversation = conversation;
    }

    @Override
    public String callbackId() {
        return Ids.Callbacks.DENY_REQUEST;
    }

    @Override
    public Answer submit(Turn submitted, View view) {
        String[] meta = view.getPrivateMetadata().split(" ", 2);
        long requestId;
        try {
            requestId = Long.parseLong(meta[0]);
        } catch (NumberFormatException e) {
            return Answer.notSaved("This form is not known any more. Nothing was decided.");
        }
        var reason = view.getState().getValues().get(Ids.Blocks.DENY_REASON);
        String typed = reason == null || reason.get(Ids.Actions.INPUT) == null
                ? null
                : reason.get(Ids.Actions.INPUT).getValue();
        // Answered where Deny was clicked (the approver's DM, or the help-desk post).
        Turn turn = new Turn(
                submitted.slackUserId(),
                meta.length > 1 ? meta[1] : null,
                submitted.triggerId(),
                submitted.requestId());
        return Answer.saved(() -> deny(turn, requestId, typed));
    }

    private void deny(Turn turn, long requestId, String reason) {
        RequestDetails d;
        try {
            d = requests.decide().deny(conversation.actor(turn), requestId, reason);
        } catch (Refusal refusal) {
            Decisions.lateOrRefused(conversation, requests, turn, requestId, refusal);
            return;
        }
        conversation.say(
                turn, ":x: Denied request #" + requestId + ". " + d.account().displayName() + " will be told.");
    }
}
