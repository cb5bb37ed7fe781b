package mn.miic.helpdesk.slack.listeners.commands;

import java.util.List;
import mn.miic.helpdesk.slack.Turn;
import mn.miic.helpdesk.slack.listeners.Conversation;
import mn.miic.helpdesk.slack.views.HelpMessages;

/** {@code /miic roles}: the guide's roles and what each may do. */
public final class RolesCommand implements Command {

    private final Conversation conversation;

    public RolesCommand(Conversation conversation) {
        this.conversation = conversation;
    }

    @Override
    public List<String> names() {
        return List.of("roles");
    }

    @Override
    public void handle(Turn turn, String arguments) {
        conversation.who(turn);
        conversation.reply(turn, HelpMessages.roles(), "MIIC roles");
    }
}
