package mn.miic.helpdesk.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static mn.miic.helpdesk.support.SlackHarness.readJson;
import static mn.miic.helpdesk.support.SlackHarness.textOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import mn.miic.helpdesk.Application;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.config.Config;
import mn.miic.helpdesk.organizations.OrganizationKind;
import mn.miic.helpdesk.support.SlackHarness;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Socket Mode, as Slack runs it: the bot asks apps.connections.open (with the app-level token) for a WebSocket URL,
 * connects, receives envelopes and acknowledges each by its envelope id. Here the WebSocket end is a local server
 * that plays Slack's part.
 */
class SocketModeTest {

    private final SlackHarness slack = new SlackHarness();
    private final FakeSocketModeServer socket = new FakeSocketModeServer();
    private Application bot;

    @AfterEach
    void stop() throws Exception {
        if (bot != null) {
            bot.stop();
        }
        socket.stop(1000);
        slack.close();
    }

    @Test
    void aSlashCommandOverTheSocketIsAcknowledgedAndAnswered() throws Exception {
        // Socket Mode only: no signing secret, so no HTTP endpoint for Slack.
        Account admin = socketModeBot(Map.of());

        assertThat(textOf(whoamiOverTheSocket("env-1"))).contains(admin.username(), "Administrator", "SOCK1");
    }

    /** Socket Mode's envelopes carry no signature (the app token opened the connection); the HTTP endpoint still checks. */
    @Test
    void withASigningSecretTooTheSocketIsAnsweredAndTheHttpEndpointStillRefusesWhatSlackDidNotSign() throws Exception {
        Account admin = socketModeBot(Map.of("SLACK_SIGNING_SECRET", SlackHarness.SIGNING_SECRET));

        assertThat(textOf(whoamiOverTheSocket("env-2"))).contains(admin.username());
        var unsigned = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create("http://localhost:" + bot.port() + "/slack/events"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(slack.commandBody(
                                        "U0SOCKET", "whoami", "/respond/x", SlackHarness.newTrigger())))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(401);
    }

    private Account socketModeBot(Map<String, String> extra) throws Exception {
        Account admin = slack.link(
                slack.fixtures
                        .account(slack.fixtures.org("SOCK1", OrganizationKind.CLINIC))
                        .role(Role.ADMINISTRATOR)
                        .create(),
                "U0SOCKET");
        socket.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> socket.getPort() > 0);
        slack.slack.stubFor(post(urlPathEqualTo("/api/apps.connections.open"))
                .withHeader("Authorization", containing("xapp-1-test"))
                .willReturn(okJson("{\"ok\":true,\"url\":\"ws://localhost:" + socket.getPort() + "/link\"}")));
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "SLACK_BOT_TOKEN", "xoxb-test-token",
                "SLACK_APP_TOKEN", "xapp-1-test",
                "SLACK_API_URL", slack.apiUrl()));
        env.putAll(extra);
        bot = new Application(Config.from(env), slack.dataSource, slack.time).start(0);
        await().atMost(Duration.ofSeconds(10)).until(() -> socket.connection != null);
        return admin;
    }

    /** A slash command over the socket; returns the answer at its response URL once the envelope is acknowledged. */
    private JsonNode whoamiOverTheSocket(String envelopeId) {
        String responseUrl = "/respond/socket-" + envelopeId;
        socket.send("{\"envelope_id\":\"" + envelopeId + "\",\"type\":\"slash_commands\","
                + "\"accepts_response_payload\":true,\"payload\":"
                + commandPayload("U0SOCKET", "whoami", slack.slack.baseUrl() + responseUrl) + "}");

        await().atMost(Duration.ofSeconds(5))
                .until(() -> socket.received.stream().anyMatch(m -> m.contains(envelopeId)));
        JsonNode ack = readJson(socket.received.stream()
                .filter(m -> m.contains(envelopeId))
                .findFirst()
                .orElseThrow());
        assertThat(ack.get("envelope_id").asText()).isEqualTo(envelopeId);
        return slack.reply(responseUrl);
    }

    private static String commandPayload(String slackUserId, String text, String responseUrl) {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.put("token", "gIkuvaNzQIHg97ATvDxqgjtO")
                .put("team_id", "T0MIIC")
                .put("team_domain", "miic-test")
                .put("channel_id", "C0CLINIC")
                .put("channel_name", "clinic-admins")
                .put("user_id", slackUserId)
                .put("user_name", slackUserId.toLowerCase())
                .put("command", "/miic")
                .put("text", text)
                .put("api_app_id", "A0MIIC")
                .put("is_enterprise_install", "false")
                .put("response_url", responseUrl)
                .put("trigger_id", SlackHarness.newTrigger());
        return p.toString();
    }

    /** Slack's end of the socket: remembers the bot's connection and what the bot sent back. */
    static final class FakeSocketModeServer extends WebSocketServer {

        volatile WebSocket connection;
        final List<String> received = new CopyOnWriteArrayList<>();

        FakeSocketModeServer() {
            super(new InetSocketAddress("localhost", 0));
            setReuseAddr(true);
        }

        void send(String text) {
            connection.send(text);
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            conn.send("{\"type\":\"hello\",\"num_connections\":1,\"connection_info\":{\"app_id\":\"A0MIIC\"}}");
            connection = conn;
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            received.add(message);
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

        @Override
        public void onError(WebSocket conn, Exception ex) {}

        @Override
        public void onStart() {}
    }
}
