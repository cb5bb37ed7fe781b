package mn.miic.helpdesk.slack.listeners.commands;

import java.util.List;
import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.identity.SlackIdentities;
import mn.miic.helpdesk.slack.Turn;
import mn.miic.helpdesk.slack.listeners.Conversation;
import mn.miic.helpdesk.slack.views.AccountMessages;
import mn.miic.helpdesk.slack.views.Text;

/** {@code /miic link @someone username}: the help desk links a Slack user to a MIIC account by hand. */
public final class LinkCommand implements Command {

    private final SlackIdentities identities;
    private final Conversation conversation;

    public LinkCommand(SlackIdentities identities, Conversation conversation) {
        this.identities = identities;
        this.conversation = conversation;
    }

    @Override
    public List<String> names() {
        return List.of("link");
    }

    @Override
    public void handle(Turn turn, String arguments) {
        String[] args = arguments.split("\\s+");
        String slackUser = conversation.mentioned(args[0]).orElse(null);
        if (slackUser == null || args.length < 2 || args[1].isBlank()) {
            throw Refusal.notAllowed("Write it as `/miic link @someone username`.");
        }
        var linked = identities.linkByHand(conversation.actor(turn), slackUser, args[1].trim());
        conversation.reply(
                turn,
                AccountMessages.say(":link: <@" + slackUser + "> is now linked to " + Text.boldName(linked) + "."),
                "Linked");
    }
}
