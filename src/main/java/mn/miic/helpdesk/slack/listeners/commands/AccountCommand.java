package mn.miic.helpdesk.slack.listeners.commands;

import java.util.List;
import mn.miic.helpdesk.slack.AccountOp;
import mn.miic.helpdesk.slack.Turn;
import mn.miic.helpdesk.slack.listeners.AccountActions;
import mn.miic.helpdesk.slack.listeners.Conversation;

/**
 * {@code /miic user|edit|unlock|reactivate|inactivate|reset|audit|offboard <target>}: one account, and what to do with it. These
 * eight are one gesture (name an account, say what to do), so one class serves each, built for its operation.
 */
public final class AccountCommand implements Command {

    private final AccountOp op;
    private final List<String> names;
    private final AccountActions actions;
    private final Conversation conversation;

    private AccountCommand(AccountOp op, List<String> names, AccountActions actions, Conversation conversation) {
        this.op = op;
        this.names = names;
        this.actions = actions;
        this.conversation = conversation;
    }

    /** The eight, each under the guide's word for it and any other that people type. */
    public static List<Command> all(AccountActions actions, Conversation conversation) {
        return List.of(
                new AccountCommand(AccountOp.VIEW, List.of("user", "show", "view"), actions, conversation),
                new AccountCommand(AccountOp.EDIT, List.of("edit"), actions, conversation),
                new AccountCommand(AccountOp.UNLOCK, List.of("unlock"), actions, conversation),
                new AccountCommand(AccountOp.REACTIVATE, List.of("reactivate"), actions, conversation),
                new AccountCommand(AccountOp.INACTIVATE, List.of("inactivate", "deactivate"), actions, conversation),
                new AccountCommand(AccountOp.RESET, List.of("reset"), actions, conversation),
                new AccountCommand(AccountOp.AUDIT, List.of("audit", "history"), actions, conversation),
                new AccountCommand(AccountOp.OFFBOARD, List.of("offboard"), actions, conversation));
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public void handle(Turn turn, String target) {
        actions.start(turn, op, conversation.target(turn, target));
    }
}
