package mn.miic.helpdesk.slack.listeners.actions;

import java.util.Arrays;
import java.util.List;
import mn.miic.helpdesk.requests.RequestKind;
import mn.miic.helpdesk.slack.Ids;
import mn.miic.helpdesk.slack.Turn;
import mn.miic.helpdesk.slack.listeners.Asking;

/** The App Home's "ask for an unlock / a new password / reactivation" buttons: value is the kind. */
public final class AskAction implements Action {

    private final Asking asking;

    public AskAction(Asking asking) {
        this.asking = asking;
    }

    @Override
    public List<String> actionIds() {
        return Arrays.stream(RequestKind.values()).map(Ids.Actions::askButton).toList();
    }

    @Override
    public void handle(Turn turn, String kind) {
        asking.ask(turn, kind, null);
    }
}
