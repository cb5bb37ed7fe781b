package mn.miic.helpdesk.slack.listeners.events;

import com.slack.api.model.event.UserChangeEvent;
import mn.miic.helpdesk.identity.SlackIdentities;
import mn.miic.helpdesk.slack.SlackPeople;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Slack's {@code user_change}: a link that no longer holds (a new email, a deactivation, a guest) is dropped now. */
public final class UserChanged {

    private static final Logger log = LoggerFactory.getLogger(UserChanged.class);

    private final SlackIdentities identities;
    private final SlackPeople people;

    public UserChanged(SlackIdentities identities, SlackPeople people) {
        this.identities = identities;
        this.people = people;
    }

    public void handle(UserChangeEvent event) {
        if (event.getUser() == null || event.getUser().getId() == null) {
            return;
        }
        try {
            identities.changed(people.member(event.getUser()));
        } catch (RuntimeException e) {
            // Nobody to tell: the link is checked again the next time it is used.
            log.warn(
                    "could not check the link of {} after user_change",
                    event.getUser().getId(),
                    e);
        }
    }
}
