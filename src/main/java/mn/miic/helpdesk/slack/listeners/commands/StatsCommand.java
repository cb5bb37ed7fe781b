package mn.miic.helpdesk.slack.listeners.commands;

import java.util.List;
import mn.miic.helpdesk.requests.RequestUseCases;
import mn.miic.helpdesk.slack.Turn;
import mn.miic.helpdesk.slack.listeners.Conversation;
import mn.miic.helpdesk.slack.views.FigureMessages;

/** {@code /miic stats}: the figures of requests for help, the last 7 and 30 days, overall and per organization. */
public final class StatsCommand implements Command {

    private final RequestUseCases requests;
    private final Conversation conversation;

    public StatsCommand(RequestUseCases requests, Conversation conversation) {
        this.requests = requests;
        this.conversation = conversation;
    }

    @Override
    public List<String> names() {
        return List.of("stats", "figures");
    }

    @Override
    public void handle(Turn turn, String arguments) {
        var report = requests.figures().execute(conversation.actor(turn));
        conversation.reply(turn, FigureMessages.stats(report), "Requests for help: figures");
    }
}
