package mn.miic.helpdesk.slack.listeners.actions;

import java.util.List;
import mn.miic.helpdesk.slack.Ids;
import mn.miic.helpdesk.slack.Turn;
import mn.miic.helpdesk.slack.listeners.Reviews;

/** An access review's Keep: this person still needs MIIC. */
public final class ReviewKeepAction implements Action {

    private final Reviews reviews;

    public ReviewKeepAction(Reviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public List<String> actionIds() {
        return List.of(Ids.Actions.REVIEW_KEEP);
    }

    @Override
    public void handle(Turn turn, String value) {
        long[] ids = Reviews.ids(value, 2);
        var actor = reviews.conversation().actor(turn);
        reviews.show(turn, reviews.useCases().keep(actor, ids[0], ids[1]), true, actor.accountId());
    }
}
