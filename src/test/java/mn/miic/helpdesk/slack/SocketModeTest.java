package mn.miic.helpdesk.slack;

import static mn.miic.helpdesk.support.BlockKit.textOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import mn.miic.helpdesk.Application;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.config.Config;
import mn.miic.helpdesk.organizations.OrganizationKind;
import mn.miic.helpdesk.support.BlockKit;
import mn.miic.helpdesk.support.FakeSocketMode;
import mn.miic.helpdesk.support.SlackHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Socket Mode, as Slack runs it: the bot asks apps.connections.open (with the app-level token) for a WebSocket URL,
 * connects, receives envelopes and acknowledges each by its envelope id. Here the WebSocket end is a local server
 * that plays Slack's part.
 */
class SocketModeTest {

    private final SlackHarness slack = new SlackHarness();
    private final FakeSocketMode socket = new FakeSocketMode(slack, "xapp-1-test");
    private Application bot;

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.stop();
        }
        socket.close();
        slack.close();
    }

    @Test
    void aSlashCommandOverTheSocketIsAcknowledgedAndAnswered() {
        // Socket Mode only: no signing secret, so no HTTP endpoint for Slack.
        Account admin = socketModeBot(Map.of());

        String responseUrl = socket.command("U0SOCKET", "whoami");

        assertThat(textOf(slack.reply(responseUrl))).contains(admin.username(), "Administrator", "SOCK1");
    }

    /** Socket Mode's envelopes carry no signature (the app token opened the connection); the HTTP endpoint still checks. */
    @Test
    void withASigningSecretTooTheSocketIsAnsweredAndTheHttpEndpointStillRefusesWhatSlackDidNotSign() throws Exception {
        Account admin = socketModeBot(Map.of("SLACK_SIGNING_SECRET", SlackHarness.SIGNING_SECRET));

        assertThat(textOf(slack.reply(socket.command("U0SOCKET", "whoami")))).contains(admin.username());
        var unsigned = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + bot.port() + "/slack/events"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(slack.commandBody(
                                        "U0SOCKET", "whoami", "/respond/x", SlackHarness.newTrigger())))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(401);
    }

    @Test
    void aFormSubmittedOverTheSocketGetsItsErrorsInTheAcknowledgement() {
        socketModeBot(Map.of());
        int opened = slack.calls("views.open").size();
        socket.command("U0SOCKET", "add");
        JsonNode form = slack.awaitOpenedView(opened + 1);
        Map<String, ObjectNode> typed = BlockKit.filledIn(form);
        typed.put("first_name", BlockKit.text("Nia"));
        typed.put("last_name", BlockKit.text("Newcomb"));
        typed.put("username", BlockKit.text("ab"));

        JsonNode answer = BlockKit.readJson(socket.submit(
                "U0SOCKET", Ids.Callbacks.ADD_USER, form.get("private_metadata").asText(), typed));

        assertThat(answer.get("response_action").asText()).isEqualTo("errors");
        assertThat(answer.get("errors").has("username")).isTrue();
    }

    private Account socketModeBot(Map<String, String> extra) {
        Account admin = slack.link(
                slack.fixtures
                        .account(slack.fixtures.org("SOCK1", OrganizationKind.CLINIC))
                        .role(Role.ADMINISTRATOR)
                        .create(),
                "U0SOCKET");
        Map<String, String> env = new HashMap<>(Map.of(
                "SLACK_BOT_TOKEN", "xoxb-test-token",
                "SLACK_APP_TOKEN", "xapp-1-test",
                "SLACK_API_URL", slack.apiUrl()));
        env.putAll(extra);
        bot = new Application(Config.from(env), slack.dataSource, slack.time).start(0);
        socket.awaitConnected();
        return admin;
    }
}
