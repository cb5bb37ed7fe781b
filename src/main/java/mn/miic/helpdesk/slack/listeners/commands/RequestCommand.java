package mn.miic.helpdesk.slack.listeners.commands;

import java.util.List;
import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.requests.RequestUseCases;
import mn.miic.helpdesk.slack.NotLinked;
import mn.miic.helpdesk.slack.Turn;
import mn.miic.helpdesk.slack.listeners.Asking;
import mn.miic.helpdesk.slack.listeners.Conversation;

/**
 * {@code /miic request unlock|reset|reactivate [note]} about one's own account, and {@code /miic request help <text>}
 * to the help desk, from anyone (not being linked is often the question).
 */
public final class RequestCommand implements Command {

    private final Asking asking;
    private final RequestUseCases requests;
    private final Conversation conversation;
    private final boolean helpDeskInSlack;

    /** @param helpDeskInSlack whether there is a help-desk channel to write to */
    public RequestCommand(Asking asking, RequestUseCases requests, Conversation conversation, boolean helpDeskInSlack) {
        this.asking = asking;
        this.requests = requests;
        this.conversation = conversation;
        this.helpDeskInSlack = helpDeskInSlack;
    }

    @Override
    public List<String> names() {
        return List.of("request", "ask");
    }

    @Override
    public void handle(Turn turn, String arguments) {
        String[] args = arguments.split("\\s+", 2);
        String rest = args.length > 1 ? args[1] : null;
        if (args[0].equalsIgnoreCase("help")) {
            askHelpDesk(turn, rest);
        } else {
            asking.ask(turn, args[0], rest);
        }
    }

    private void askHelpDesk(Turn turn, String text) {
        if (!helpDeskInSlack) {
            throw Refusal.notAllowed("The MIIC help desk is not reachable through Slack here yet. Email"
                    + " health.miichelp@state.mn.us instead.");
        }
        Account asker;
        try {
            asker = conversation.who(turn);
        } catch (NotLinked notLinked) {
            asker = null;
        }
        Actor actor = new Actor(asker == null ? null : asker.id(), turn.slackUserId(), turn.requestId());
        requests.askHelpDesk().ask(actor, asker, text);
        conversation.say(turn, ":incoming_envelope: Sent to the MIIC help desk. They will answer you here in Slack.");
    }
}
