package mn.miic.helpdesk.slack.listeners.commands;

import java.util.List;
import mn.miic.helpdesk.accounts.usecases.AccountUseCases;
import mn.miic.helpdesk.slack.Turn;
import mn.miic.helpdesk.slack.listeners.Conversation;
import mn.miic.helpdesk.slack.views.AccountMessages;

/** {@code /miic org [CODE]}: the organizations one works in, or a switch to another (the guide's switch). */
public final class OrgCommand implements Command {

    private final AccountUseCases accounts;
    private final Conversation conversation;

    public OrgCommand(AccountUseCases accounts, Conversation conversation) {
        this.accounts = accounts;
        this.conversation = conversation;
    }

    @Override
    public List<String> names() {
        return List.of("org", "organization");
    }

    @Override
    public void handle(Turn turn, String code) {
        var actor = conversation.actor(turn);
        boolean switching = !code.isBlank();
        var orgs = switching
                ? accounts.organizations().switchTo(actor, code.trim())
                : accounts.organizations().show(actor);
        conversation.reply(turn, AccountMessages.organizations(orgs, switching), "Your organization");
    }
}
