package mn.miic.helpdesk.slack;

import mn.miic.helpdesk.accounts.usecases.AccountUseCases;
import mn.miic.helpdesk.slack.views.HomeView;

/** The App Home tab, published when its owner opens it. */
public final class Home {

    private final AccountFlows flows;
    private final AccountUseCases accounts;
    private final SlackApi slack;

    public Home(AccountFlows flows, AccountUseCases accounts, SlackApi slack) {
        this.flows = flows;
        this.accounts = accounts;
        this.slack = slack;
    }

    public void publish(Turn turn) {
        try {
            var own = accounts.view().self(flows.actor(turn));
            slack.publishHome(turn.slackUserId(), HomeView.linked(own));
        } catch (NotLinked notLinked) {
            slack.publishHome(turn.slackUserId(), HomeView.notLinked(notLinked.getMessage()));
        }
    }
}
