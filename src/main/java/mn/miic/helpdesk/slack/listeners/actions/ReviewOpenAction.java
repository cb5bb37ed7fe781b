package mn.miic.helpdesk.slack.listeners.actions;

import java.util.List;
import mn.miic.helpdesk.slack.Ids;
import mn.miic.helpdesk.slack.Turn;
import mn.miic.helpdesk.slack.listeners.Reviews;

/** Review, beside a site in {@code /miic review} or on the App Home: its review as a message of its own. */
public final class ReviewOpenAction implements Action {

    private final Reviews reviews;

    public ReviewOpenAction(Reviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public List<String> actionIds() {
        return List.of(Ids.Actions.REVIEW_OPEN);
    }

    @Override
    public void handle(Turn turn, String value) {
        long[] ids = Reviews.ids(value, 3);
        var actor = reviews.conversation().actor(turn);
        var review = reviews.useCases().site(actor, ids[0], ids[1], (int) Math.min(ids[2], Integer.MAX_VALUE));
        reviews.show(turn, review, false, actor.accountId());
    }
}
