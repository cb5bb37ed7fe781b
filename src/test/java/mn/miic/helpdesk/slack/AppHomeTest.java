package mn.miic.helpdesk.slack;

import static mn.miic.helpdesk.support.BlockKit.textOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
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

        assertThat(slack.appHomeOpened("U0HOMEADMIN", "home").statusCode()).isEqualTo(200);

        JsonNode view = publishedFor("U0HOMEADMIN");
        assertThat(view.get("type").asText()).isEqualTo("home");
        assertThat(textOf(view)).contains("Minnie Mouse", "Administrator", "HOME1", "Active", "/miic help");
        assertThat(textOf(view)).contains("Linked to your Slack user <@U0HOMEADMIN>", "unlink");
    }

    @Test
    void aLockedUserIsToldWhatToDo() {
        Account locked = slack.link(slack.fixtures.account(clinic).locked().create(), "U0HOMELOCKED");
        slack.appHomeOpened("U0HOMELOCKED", "home");
        assertThat(textOf(publishedFor("U0HOMELOCKED")))
                .contains(locked.username(), "Locked", "administrator", "help desk");
    }

    @Test
    void anUnlinkedUserIsToldHowToGetLinked() {
        slack.slackProfile("U0HOMESTRANGER", "stranger@example.org");
        slack.appHomeOpened("U0HOMESTRANGER", "home");
        assertThat(textOf(publishedFor("U0HOMESTRANGER"))).contains("not linked", "help desk");
    }

    @Test
    void theMessagesTabPublishesNothing() {
        slack.link(slack.fixtures.account(clinic).create(), "U0HOMEMSG");
        slack.appHomeOpened("U0HOMEMSG", "messages");
        slack.appHomeOpened("U0HOMEMSG", "home");
        publishedFor("U0HOMEMSG");
        assertThat(slack.calls("views.publish"))
                .filteredOn(c -> "U0HOMEMSG".equals(c.get("user_id")))
                .hasSize(1);
    }

    private JsonNode publishedFor(String slackUserId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> slack.lastHomeOf(slackUserId) != null);
        return slack.lastHomeOf(slackUserId);
    }
}
