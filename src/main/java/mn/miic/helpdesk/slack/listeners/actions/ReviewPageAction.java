package mn.miic.helpdesk.slack.listeners.actions;

import java.util.List;
import mn.miic.helpdesk.slack.Ids;
import mn.miic.helpdesk.slack.Turn;
import mn.miic.helpdesk.slack.listeners.Reviews;

/** Previous and Next of a site's review: the page asked for, in place of the one shown. */
public final class ReviewPageAction implements Action {

    private final Reviews reviews;

    public ReviewPageAction(Reviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public List<String> actionIds() {
        return List.of(Ids.Actions.REVIEW_PREVIOUS, Ids.Actions.REVIEW_NEXT);
    }

    @Override
    public void handle(Turn turn, String value) {
        long[] ids = Reviews.ids(value, 3);
        var actor = reviews.conversation().actor(turn);
        var review = reviews.useCases().site(actor, ids[0], ids[1], (int) Math.min(ids[2], Integer.MAX_VALUE));
        reviews.show(turn, review, true, actor.accountId());
    }
}
