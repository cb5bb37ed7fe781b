package mn.miic.helpdesk.slack.listeners.actions;

import java.util.List;
import mn.miic.helpdesk.compliance.DataUseAgreements;
import mn.miic.helpdesk.slack.Ids;
import mn.miic.helpdesk.slack.Turn;
import mn.miic.helpdesk.slack.listeners.Conversation;
import mn.miic.helpdesk.slack.listeners.commands.DuaCommand;

/** "Record a renewal" under the help desk's {@code /miic dua}: the renewal form. */
public final class RenewDuaAction implements Action {

    private final DataUseAgreements duas;
    private final Conversation conversation;

    public RenewDuaAction(DataUseAgreements duas, Conversation conversation) {
        this.duas = duas;
        this.conversation = conversation;
    }

    @Override
    public List<String> actionIds() {
        return List.of(Ids.Actions.DUA_RENEW_FORM);
    }

    @Override
    public void handle(Turn turn, String value) {
        DuaCommand.openForm(duas, conversation, turn, null);
    }
}
