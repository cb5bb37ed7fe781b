package mn.miic.helpdesk.support;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * Slack's end of Socket Mode: the bot asks {@code apps.connections.open} (with the app-level token) for a WebSocket
 * URL, which points here; envelopes go to the bot over it, and the bot acknowledges each by its envelope id, with the
 * answer (a form's errors, say) in the acknowledgement's payload.
 */
public final class FakeSocketMode extends WebSocketServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger ENVELOPES = new AtomicInteger();

    private final SlackWorkspace workspace;
    private volatile WebSocket connection;
    private final List<String> received = new CopyOnWriteArrayList<>();

    /** Starts listening, and tells the workspace's Web API to hand this socket to a bot with {@code appToken}. */
    public FakeSocketMode(SlackWorkspace workspace, String appToken) {
        super(new InetSocketAddress("localhost", 0));
        this.workspace = workspace;
        setReuseAddr(true);
        start();
        await().atMost(Duration.ofSeconds(5)).until(() -> getPort() > 0);
        workspace.slack.stubFor(post(urlPathEqualTo("/api/apps.connections.open"))
                .withHeader("Authorization", containing(appToken))
                .willReturn(okJson("{\"ok\":true,\"url\":\"ws://localhost:" + getPort() + "/link\"}")));
    }

    public void awaitConnected() {
        await().atMost(Duration.ofSeconds(20)).until(() -> connection != null);
    }

    /** {@code /miic text} over the socket; returns the response URL path its answers go to. */
    public String command(String slackUserId, String text) {
        String responseUrl = "/respond/socket-" + UUID.randomUUID();
        ObjectNode payload = JSON.createObjectNode();
        workspace
                .commandForm(slackUserId, text, workspace.slack.baseUrl() + responseUrl, SlackWorkspace.newTrigger())
                .forEach(payload::put);
        payload.put("response_url", workspace.slack.baseUrl() + responseUrl);
        send("slash_commands", payload);
        return responseUrl;
    }

    public void click(String slackUserId, String responseUrl, String actionId, String value) {
        send("interactive", workspace.actionPayload(slackUserId, responseUrl, BlockKit.button(actionId, value)));
    }

    /** A modal's submission; returns the bot's answer as Slack reads it from the acknowledgement (may be empty). */
    public String submit(String slackUserId, String callbackId, String metadata, Map<String, ObjectNode> values) {
        JsonNode ack = send("interactive", workspace.submissionPayload(slackUserId, callbackId, metadata, values));
        return ack.has("payload") ? ack.get("payload").toString() : "";
    }

    /** Sends an envelope and returns the bot's acknowledgement of it. */
    public JsonNode send(String type, JsonNode payload) {
        String id = "env-" + ENVELOPES.incrementAndGet();
        ObjectNode envelope =
                JSON.createObjectNode().put("envelope_id", id).put("type", type).put("accepts_response_payload", true);
        envelope.set("payload", payload);
        connection.send(envelope.toString());
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> received.stream().anyMatch(m -> m.contains("\"" + id + "\"")));
        return BlockKit.readJson(received.stream()
                .filter(m -> m.contains("\"" + id + "\""))
                .findFirst()
                .orElseThrow());
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

    @Override
    public void close() {
        try {
            stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
