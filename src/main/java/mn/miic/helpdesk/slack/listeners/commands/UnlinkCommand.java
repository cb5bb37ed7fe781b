package mn.miic.helpdesk.slack.listeners.commands;

import java.util.List;
import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.identity.SlackIdentities;
import mn.miic.helpdesk.slack.Turn;
import mn.miic.helpdesk.slack.listeners.Conversation;
import mn.miic.helpdesk.slack.views.AccountMessages;

/** {@code /miic unlink @someone} or {@code /miic unlink username}: the help desk drops a link by hand. */
public final class UnlinkCommand implements Command {

    private final SlackIdentities identities;
    private final Conversation conversation;

    public UnlinkCommand(SlackIdentities identities, Conversation conversation) {
        this.identities = identities;
        this.conversation = conversation;
    }

    @Override
    public List<String> names() {
        return List.of("unlink");
    }

    @Override
    public void handle(Turn turn, String arguments) {
        String named = arguments.trim().split("\\s+")[0];
        if (named.isEmpty()) {
            throw Refusal.notAllowed("Write it as `/miic unlink @someone` or `/miic unlink username`.");
        }
        String slackUser = conversation.mentioned(named).orElse(null);
        String was = identities.unlinkByHand(
                conversation.actor(turn), slackUser, slackUser == null ? named.replaceFirst("^@", "") : null);
        conversation.reply(
                turn,
                AccountMessages.say(":scissors: <@" + was + "> is no longer linked to a MIIC account. They are"
                        + " linked again by their email when they next use the bot, or by `/miic link`."),
                "Unlinked");
    }
}
