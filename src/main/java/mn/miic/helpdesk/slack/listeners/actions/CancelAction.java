package mn.miic.helpdesk.slack.listeners.actions;

import java.util.List;
import mn.miic.helpdesk.slack.Ids;
import mn.miic.helpdesk.slack.Turn;
import mn.miic.helpdesk.slack.listeners.Conversation;
import mn.miic.helpdesk.slack.views.AccountMessages;

/** The confirmation's no: nothing changes, and the buttons go. */
public final class CancelAction implements Action {

    private final Conversation conversation;

    public CancelAction(Conversation conversation) {
        this.conversation = conversation;
    }

    @Override
    public List<String> actionIds() {
        return List.of(Ids.Actions.CANCEL);
    }

    @Override
    public void handle(Turn turn, String value) {
        conversation.replace(turn, AccountMessages.say("Cancelled. Nothing was changed."), "Cancelled");
    }
}
