package mn.miic.helpdesk.slack;

import static mn.miic.helpdesk.support.SlackHarness.readJson;
import static mn.miic.helpdesk.support.SlackHarness.textOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationKind;
import mn.miic.helpdesk.support.SlackHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The App Home tab: published through views.publish for whoever opens it, as Slack's event says. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppHomeTest {

    private final SlackHarness slack = new SlackHarness();
    private final Organization clinic = slack.fixtures.org("HOME1", OrganizationKind.CLINIC);

    @AfterAll
    void stop() {
        slack.close();
    }

    @Test
    void aLinkedUserSeesTheirAccount() {
        slack.link(
                slack.fixtures
                        .account(clinic)
                        .role(Role.ADMINISTRATOR)
                        .name("Minnie", "Mouse")
                        .create(),
                "U0HOMEADMIN");

        assertThat(slack.event(homeOpened("U0HOMEADMIN", "home")).statusCode()).isEqualTo(200);

        JsonNode view = publishedFor("U0HOMEADMIN");
        assertThat(view.get("type").asText()).isEqualTo("home");
        assertThat(textOf(view)).contains("Minnie Mouse", "Administrator", "HOME1", "Active", "/miic help");
    }

    @Test
    void aLockedUserIsToldWhatToDo() {
        Account locked = slack.link(slack.fixtures.account(clinic).locked().create(), "U0HOMELOCKED");
        slack.event(homeOpened("U0HOMELOCKED", "home"));
        assertThat(textOf(publishedFor("U0HOMELOCKED")))
                .contains(locked.username(), "Locked", "administrator", "help desk");
    }

    @Test
    void anUnlinkedUserIsToldHowToGetLinked() {
        slack.slackProfile("U0HOMESTRANGER", "stranger@example.org");
        slack.event(homeOpened("U0HOMESTRANGER", "home"));
        assertThat(textOf(publishedFor("U0HOMESTRANGER"))).contains("not linked", "help desk");
    }

    @Test
    void theMessagesTabPublishesNothing() {
        slack.link(slack.fixtures.account(clinic).create(), "U0HOMEMSG");
        slack.event(homeOpened("U0HOMEMSG", "messages"));
        slack.event(homeOpened("U0HOMEMSG", "home"));
        publishedFor("U0HOMEMSG");
        assertThat(slack.calls("views.publish"))
                .filteredOn(c -> "U0HOMEMSG".equals(c.get("user_id")))
                .hasSize(1);
    }

    private static ObjectNode homeOpened(String slackUserId, String tab) {
        return JsonNodeFactory.instance
                .objectNode()
                .put("type", "app_home_opened")
                .put("user", slackUserId)
                .put("channel", "D0" + slackUserId)
                .put("tab", tab)
                .put("event_ts", "1700000003.000400");
    }

    private JsonNode publishedFor(String slackUserId) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> slack.calls("views.publish").stream().anyMatch(c -> slackUserId.equals(c.get("user_id"))));
        Map<String, String> call = slack.calls("views.publish").stream()
                .filter(c -> slackUserId.equals(c.get("user_id")))
                .reduce((a, b) -> b)
                .orElseThrow();
        return readJson(call.get("view"));
    }
}
