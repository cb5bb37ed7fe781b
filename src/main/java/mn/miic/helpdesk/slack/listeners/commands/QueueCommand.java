package mn.miic.helpdesk.slack.listeners.commands;

import java.time.Clock;
import java.util.List;
import mn.miic.helpdesk.requests.RequestUseCases;
import mn.miic.helpdesk.slack.Turn;
import mn.miic.helpdesk.slack.listeners.Conversation;
import mn.miic.helpdesk.slack.views.RequestMessages;

/** {@code /miic queue}: the open requests this person can act on (or their own), oldest first. */
public final class QueueCommand implements Command {

    private final RequestUseCases requests;
    private final Conversation conversation;
    private final Clock clock;

    public QueueCommand(RequestUseCases requests, Conversation conversation, Clock clock) {
        this.requests = requests;
        this.conversation = conversation;
        this.clock = clock;
    }

    @Override
    public List<String> names() {
        return List.of("queue", "requests");
    }

    @Override
    public void handle(Turn turn, String arguments) {
        var queue = requests.queue().of(conversation.actor(turn));
        conversation.reply(turn, RequestMessages.queue(queue, clock.instant()), "Open requests");
    }
}
