package mn.miic.helpdesk.slack.listeners.events;

import com.slack.api.model.event.AppHomeOpenedEvent;
import mn.miic.helpdesk.slack.Home;
import mn.miic.helpdesk.slack.Turn;

/** Someone opened the bot's App Home: published as it is now (the Messages tab needs nothing). */
public final class AppHomeOpened {

    private final Home home;

    public AppHomeOpened(Home home) {
        this.home = home;
    }

    public boolean concerns(AppHomeOpenedEvent event) {
        return "home".equals(event.getTab());
    }

    public void handle(Turn turn) {
        home.publish(turn);
    }
}
