package mn.miic.helpdesk.slack.listeners.commands;

import java.util.List;
import mn.miic.helpdesk.accounts.usecases.AccountUseCases;
import mn.miic.helpdesk.slack.Turn;
import mn.miic.helpdesk.slack.listeners.Conversation;
import mn.miic.helpdesk.slack.views.OutboxMessages;

/** {@code /miic outbox}: for the help desk, what the bot owes people and what did not end delivered. */
public final class OutboxCommand implements Command {

    private final AccountUseCases accounts;
    private final Conversation conversation;

    public OutboxCommand(AccountUseCases accounts, Conversation conversation) {
        this.accounts = accounts;
        this.conversation = conversation;
    }

    @Override
    public List<String> names() {
        return List.of("outbox");
    }

    @Override
    public void handle(Turn turn, String arguments) {
        var report = accounts.outbox().execute(conversation.actor(turn));
        conversation.reply(turn, OutboxMessages.report(report), "What the bot owes people");
    }
}
