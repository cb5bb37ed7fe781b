package mn.miic.helpdesk.slack.listeners.commands;

import java.util.List;
import mn.miic.helpdesk.accounts.usecases.AccountUseCases;
import mn.miic.helpdesk.slack.Turn;
import mn.miic.helpdesk.slack.listeners.Conversation;
import mn.miic.helpdesk.slack.views.AccountMessages;

/** {@code /miic whoami}: the linked account, its role, organization and state. */
public final class WhoamiCommand implements Command {

    private final AccountUseCases accounts;
    private final Conversation conversation;

    public WhoamiCommand(AccountUseCases accounts, Conversation conversation) {
        this.accounts = accounts;
        this.conversation = conversation;
    }

    @Override
    public List<String> names() {
        return List.of("whoami", "me");
    }

    @Override
    public void handle(Turn turn, String arguments) {
        var actor = conversation.actor(turn);
        var own = accounts.view().self(actor);
        var orgs = accounts.organizations().show(actor);
        conversation.reply(turn, AccountMessages.whoami(own, orgs.current(), turn.slackUserId()), "Your MIIC account");
    }
}
