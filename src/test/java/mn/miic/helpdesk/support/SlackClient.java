package mn.miic.helpdesk.support;

import static mn.miic.helpdesk.support.BlockKit.button;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.app_backend.SlackSignature;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * Slack's side of the Request URL: slash commands, clicks, submissions and events built like Slack's documented
 * payloads, signed as Slack signs them, posted to the bot over HTTP. Their response URLs point at a {@link
 * FakeSlackApi}, where the bot's answers are read.
 */
public class SlackClient {

    public static final String SIGNING_SECRET = "test-signing-secret-8f742231b10e";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger TRIGGERS = new AtomicInteger();

    private final FakeSlackApi api;
    private final HttpClient http = HttpClient.newHttpClient();
    private final IntSupplier port;
    private final Clock signingClock;

    /**
     * @param port where the bot listens
     * @param signingClock the bot's own clock, which it checks Slack's timestamps against
     */
    public SlackClient(FakeSlackApi api, IntSupplier port, Clock signingClock) {
        this.api = api;
        this.port = port;
        this.signingClock = signingClock;
    }

    /** The instance requests go to, unless one is named. */
    public int port() {
        return port.getAsInt();
    }

    /** Slack's clock, as it stamps a request: the bot's "now". */
    public String timestamp() {
        return String.valueOf(signingClock.instant().getEpochSecond());
    }

    /** {@code /miic text} typed by a Slack user; returns the response URL path its answers go to. */
    public String command(String slackUserId, String text) {
        String responseUrl = "/respond/" + UUID.randomUUID();
        HttpResponse<String> response = postSigned(commandBody(slackUserId, text, responseUrl, newTrigger()), Map.of());
        if (response.statusCode() != 200) {
            throw new AssertionError("the command was answered " + response.statusCode() + ": " + response.body());
        }
        return responseUrl;
    }

    public String commandBody(String slackUserId, String text, String responseUrl, String triggerId) {
        return formEncode(commandForm(slackUserId, text, responseUrl, triggerId));
    }

    /** A slash command's fields as Slack sends them: a form over HTTP, a JSON object over Socket Mode. */
    public Map<String, String> commandForm(String slackUserId, String text, String responseUrl, String triggerId) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "gIkuvaNzQIHg97ATvDxqgjtO");
        form.put("team_id", "T0MIIC");
        form.put("team_domain", "miic-test");
        form.put("channel_id", "C0CLINIC");
        form.put("channel_name", "clinic-admins");
        form.put("user_id", slackUserId);
        form.put("user_name", slackUserId.toLowerCase());
        form.put("command", "/miic");
        form.put("text", text);
        form.put("api_app_id", "A0MIIC");
        form.put("is_enterprise_install", "false");
        form.put("response_url", api.baseUrl() + responseUrl);
        form.put("trigger_id", triggerId);
        return form;
    }

    public static String newTrigger() {
        return "13345224609." + TRIGGERS.incrementAndGet() + ".8088930838d88f008e0";
    }

    /** A click on a button of a message the bot sent to {@code responseUrl}. */
    public String click(String slackUserId, String responseUrl, String actionId, String value) {
        return act(port(), slackUserId, responseUrl, button(actionId, value));
    }

    /** The same click, sent to one instance of the bot: two threads can click on two instances at once. */
    public String clickOn(int instancePort, String slackUserId, String responseUrl, String actionId, String value) {
        return act(instancePort, slackUserId, responseUrl, button(actionId, value));
    }

    /** A choice from an overflow menu. */
    public String choose(String slackUserId, String responseUrl, String actionId, String value) {
        ObjectNode action = JSON.createObjectNode()
                .put("type", "overflow")
                .put("action_id", actionId)
                .put("block_id", "b" + actionId)
                .put("action_ts", "1700000001.000300");
        ObjectNode option = action.putObject("selected_option");
        option.putObject("text").put("type", "plain_text").put("text", value);
        option.put("value", value);
        return act(port(), slackUserId, responseUrl, action);
    }

    /** A click on a button of the App Home: Slack sends no response URL with it, only the view it came from. */
    public void clickOnHome(String slackUserId, String actionId, String value) {
        act(port(), slackUserId, null, button(actionId, value));
    }

    private String act(int instancePort, String slackUserId, String responseUrl, ObjectNode action) {
        HttpResponse<String> response = postSigned(
                instancePort,
                formEncode(Map.of(
                        "payload",
                        actionPayload(slackUserId, responseUrl, action).toString())),
                Map.of());
        if (response.statusCode() != 200) {
            throw new AssertionError("the click was answered " + response.statusCode() + ": " + response.body());
        }
        return responseUrl;
    }

    /**
     * A click as Slack reports it ({@code block_actions}).
     *
     * @param responseUrl the message's response URL, or null for a click on the App Home
     */
    public ObjectNode actionPayload(String slackUserId, String responseUrl, ObjectNode action) {
        ObjectNode payload = JSON.createObjectNode().put("type", "block_actions");
        payload.putObject("user")
                .put("id", slackUserId)
                .put("username", slackUserId.toLowerCase())
                .put("team_id", "T0MIIC");
        payload.put("api_app_id", "A0MIIC").put("token", "gIkuvaNzQIHg97ATvDxqgjtO");
        payload.put("trigger_id", newTrigger());
        payload.putObject("team").put("id", "T0MIIC").put("domain", "miic-test");
        if (responseUrl == null) {
            payload.putObject("container").put("type", "view").put("view_id", "V0HOME");
            payload.putObject("view").put("id", "V0HOME").put("type", "home");
        } else {
            payload.putObject("container")
                    .put("type", "message")
                    .put("message_ts", "1700000000.000100")
                    .put("channel_id", "C0CLINIC")
                    .put("is_ephemeral", true);
            payload.putObject("channel").put("id", "C0CLINIC").put("name", "clinic-admins");
            payload.put("response_url", api.baseUrl() + responseUrl);
        }
        payload.putArray("actions").add(action);
        return payload;
    }

    /**
     * A submitted modal, its inputs as Slack reports them.
     *
     * @param values block id to the input's state, e.g. {@code text("Mickey")}, {@code selected("ADMINISTRATOR")}
     * @return the bot's answer to the submission (empty, or a {@code response_action})
     */
    public HttpResponse<String> submit(
            String slackUserId, String callbackId, String privateMetadata, Map<String, ObjectNode> values) {
        return postSigned(
                formEncode(Map.of(
                        "payload",
                        submissionPayload(slackUserId, callbackId, privateMetadata, values)
                                .toString())),
                Map.of());
    }

    /** A modal's submission as Slack reports it ({@code view_submission}). */
    public ObjectNode submissionPayload(
            String slackUserId, String callbackId, String privateMetadata, Map<String, ObjectNode> values) {
        ObjectNode payload = JSON.createObjectNode().put("type", "view_submission");
        payload.putObject("team").put("id", "T0MIIC").put("domain", "miic-test");
        payload.putObject("user")
                .put("id", slackUserId)
                .put("username", slackUserId.toLowerCase())
                .put("team_id", "T0MIIC");
        payload.put("api_app_id", "A0MIIC")
                .put("token", "gIkuvaNzQIHg97ATvDxqgjtO")
                .put("trigger_id", newTrigger());
        ObjectNode view = payload.putObject("view")
                .put("id", "V0MODAL")
                .put("team_id", "T0MIIC")
                .put("type", "modal")
                .put("callback_id", callbackId)
                .put("private_metadata", privateMetadata)
                .put("hash", "1700000002.abc");
        ObjectNode state = view.putObject("state").putObject("values");
        values.forEach((block, value) -> state.putObject(block).set("value", value));
        return payload;
    }

    /** An Events API callback, as Slack posts it (JSON, not a form). */
    public HttpResponse<String> event(ObjectNode event) {
        ObjectNode callback = JSON.createObjectNode()
                .put("token", "gIkuvaNzQIHg97ATvDxqgjtO")
                .put("team_id", "T0MIIC")
                .put("api_app_id", "A0MIIC")
                .put("type", "event_callback")
                .put("event_id", "Ev" + TRIGGERS.incrementAndGet())
                .put("event_time", signingClock.instant().getEpochSecond());
        callback.set("event", event);
        callback.putArray("authorizations")
                .addObject()
                .put("team_id", "T0MIIC")
                .put("user_id", "UBOT")
                .put("is_bot", true);
        return postSigned(callback.toString(), Map.of("Content-Type", "application/json"));
    }

    /** Slack's {@code app_home_opened} event: a user opened a tab of the app ("home" or "messages"). */
    public HttpResponse<String> appHomeOpened(String slackUserId, String tab) {
        return event(JSON.createObjectNode()
                .put("type", "app_home_opened")
                .put("user", slackUserId)
                .put("channel", "D0" + slackUserId)
                .put("tab", tab)
                .put("event_ts", "1700000003.000400"));
    }

    public HttpResponse<String> postSigned(String body, Map<String, String> extraHeaders) {
        return postSigned(port(), body, extraHeaders);
    }

    /** A signed request to one instance of the bot. */
    public HttpResponse<String> postSignedTo(int instancePort, String body) {
        return postSigned(instancePort, body, Map.of());
    }

    private HttpResponse<String> postSigned(int instancePort, String body, Map<String, String> extraHeaders) {
        String timestamp = timestamp();
        String signature = new SlackSignature.Generator(SIGNING_SECRET).generate(timestamp, body);
        Map<String, String> headers = new HashMap<>(extraHeaders);
        headers.putIfAbsent("X-Slack-Request-Timestamp", timestamp);
        headers.putIfAbsent("X-Slack-Signature", signature);
        return send(instancePort, body, headers);
    }

    public HttpResponse<String> send(String body, Map<String, String> headers) {
        return send(port(), body, headers);
    }

    private HttpResponse<String> send(int instancePort, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + instancePort + "/slack/events"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::setHeader);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String formEncode(Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return body.toString();
    }
}
