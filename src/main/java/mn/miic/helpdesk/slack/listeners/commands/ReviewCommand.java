package mn.miic.helpdesk.slack.listeners.commands;

import java.util.Arrays;
import java.util.List;
import mn.miic.helpdesk.reviews.AccessReviews;
import mn.miic.helpdesk.slack.Turn;
import mn.miic.helpdesk.slack.listeners.Conversation;
import mn.miic.helpdesk.slack.views.ReviewMessages;

/**
 * {@code /miic review}: the access reviews waiting for the requester, or for the help desk every site's completion;
 * {@code /miic review start [CODE…]}: the help desk starts one, MIIC-wide or for some organizations.
 */
public final class ReviewCommand implements Command {

    private final AccessReviews reviews;
    private final Conversation conversation;

    public ReviewCommand(AccessReviews reviews, Conversation conversation) {
        this.reviews = reviews;
        this.conversation = conversation;
    }

    @Override
    public List<String> names() {
        return List.of("review", "reviews");
    }

    @Override
    public void handle(Turn turn, String arguments) {
        List<String> words =
                arguments.isBlank() ? List.of() : Arrays.asList(arguments.trim().split("[\\s,]+"));
        if (words.isEmpty()) {
            conversation.reply(
                    turn, ReviewMessages.overview(reviews.overview(conversation.actor(turn))), "Access reviews");
            return;
        }
        if (!words.get(0).equalsIgnoreCase("start")) {
            conversation.say(
                    turn,
                    "Type `/miic review` to see the access reviews waiting for you. The help desk starts one with"
                            + " `/miic review start` (MIIC-wide) or `/miic review start CODE …`.");
            return;
        }
        var started = reviews.start(conversation.actor(turn), words.subList(1, words.size()));
        conversation.reply(turn, ReviewMessages.started(started), "Access review started");
    }
}
