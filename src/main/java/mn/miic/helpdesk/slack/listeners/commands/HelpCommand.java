package mn.miic.helpdesk.slack.listeners.commands;

import java.util.List;
import mn.miic.helpdesk.accounts.usecases.AccountUseCases;
import mn.miic.helpdesk.slack.Turn;
import mn.miic.helpdesk.slack.listeners.Conversation;
import mn.miic.helpdesk.slack.views.HelpMessages;

/** {@code /miic help}: what this person may do, and how to reach the help desk. */
public final class HelpCommand implements Command {

    private final AccountUseCases accounts;
    private final Conversation conversation;

    public HelpCommand(AccountUseCases accounts, Conversation conversation) {
        this.accounts = accounts;
        this.conversation = conversation;
    }

    @Override
    public List<String> names() {
        return List.of("help");
    }

    @Override
    public void handle(Turn turn, String arguments) {
        var own = accounts.view().self(conversation.actor(turn));
        conversation.reply(turn, HelpMessages.help(own), "MIIC help");
    }
}
