package mn.miic.helpdesk.slack.listeners.actions;

import java.util.ArrayList;
import java.util.List;
import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.slack.AccountOp;
import mn.miic.helpdesk.slack.Ids;
import mn.miic.helpdesk.slack.Turn;
import mn.miic.helpdesk.slack.listeners.AccountActions;

/** A search row's menu, or a card's button: start that operation on that account ({@code op:username}). */
public final class AccountMenuAction implements Action {

    private final AccountActions actions;

    public AccountMenuAction(AccountActions actions) {
        this.actions = actions;
    }

    @Override
    public List<String> actionIds() {
        List<String> ids = new ArrayList<>(List.of(Ids.Actions.ACCOUNT_MENU));
        for (AccountOp op : AccountOp.values()) {
            ids.add(Ids.Actions.accountButton(op));
        }
        return ids;
    }

    @Override
    public void handle(Turn turn, String value) {
        AccountOp.Value v = AccountOp.Value.decode(value).orElseThrow(AccountMenuAction::unreadable);
        actions.start(turn, v.op(), v.username());
    }

    static Refusal unreadable() {
        return Refusal.notAllowed("That button is from an older version of this message. Run the command again.");
    }
}
