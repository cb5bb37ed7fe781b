package mn.miic.helpdesk.slack;

import java.time.Clock;
import mn.miic.helpdesk.accounts.usecases.AccountUseCases;
import mn.miic.helpdesk.requests.RequestUseCases;
import mn.miic.helpdesk.reviews.AccessReviews;
import mn.miic.helpdesk.slack.listeners.Conversation;
import mn.miic.helpdesk.slack.views.HomeView;

/**
 * The App Home tab: the viewer's account with buttons to ask for help, and for managers their organization at a
 * glance and the requests they can decide. Published when its owner opens it and whenever a request of theirs changes.
 */
public final class Home {

    private final Conversation conversation;
    private final AccountUseCases accounts;
    private final RequestUseCases requests;
    private final AccessReviews reviews;
    private final SlackApi slack;
    private final Clock clock;

    public Home(
            Conversation conversation,
            AccountUseCases accounts,
            RequestUseCases requests,
            AccessReviews reviews,
            SlackApi slack,
            Clock clock) {
        this.conversation = conversation;
        this.accounts = accounts;
        this.requests = requests;
        this.reviews = reviews;
        this.slack = slack;
        this.clock = clock;
    }

    public void publish(Turn turn) {
        publish(slack, turn);
    }

    /** As it is now, with this client (the outbox's, which never waits on Slack). */
    public void publish(SlackApi with, String slackUserId) {
        publish(with, Turn.of(slackUserId, null, null));
    }

    private void publish(SlackApi with, Turn turn) {
        try {
            var actor = conversation.actor(turn);
            var own = accounts.view().self(actor);
            var queue = requests.queue().of(actor);
            var waiting = reviews.overview(actor);
            // The help desk's figures, on its own Home: the same as /miic stats.
            var figures = mn.miic.helpdesk.accounts.access.Requester.isHelpDesk(own.account(), own.organization())
                            && own.account().isInGoodStanding()
                    ? requests.figures().execute(actor)
                    : null;
            with.publishHome(
                    turn.slackUserId(),
                    HomeView.linked(own, turn.slackUserId(), queue, clock.instant(), waiting, figures));
        } catch (NotLinked notLinked) {
            with.publishHome(turn.slackUserId(), HomeView.notLinked(notLinked.getMessage()));
        }
    }
}
