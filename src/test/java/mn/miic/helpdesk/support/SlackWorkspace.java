package mn.miic.helpdesk.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.slack.api.app_backend.SlackSignature;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * A fake Slack workspace for the bot: a WireMock Slack Web API that answers as Slack does, and Slack's side of the
 * Request URL, building payloads like Slack's documented ones and signing them as Slack signs them. Nobody in it has
 * used the bot yet; what the bot sent back is read from WireMock. It talks to a bot in this JVM ({@link SlackHarness})
 * or to the packaged jar running as a process of its own.
 */
public class SlackWorkspace implements AutoCloseable {

    public static final String SIGNING_SECRET = "test-signing-secret-8f742231b10e";
    public static final String HELPDESK_CHANNEL = "C0HELPDESK";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger TRIGGERS = new AtomicInteger();
    /** How often a test looks again for what the bot sent: the bot answers within milliseconds. */
    private static final Duration POLL = Duration.ofMillis(20);

    public final WireMockServer slack;
    private final HttpClient http = HttpClient.newHttpClient();
    private final IntSupplier port;
    private final Clock signingClock;

    /**
     * @param port where the bot listens
     * @param signingClock the bot's own clock, which it checks Slack's timestamps against
     */
    public SlackWorkspace(IntSupplier port, Clock signingClock) {
        this.port = port;
        this.signingClock = signingClock;
        this.slack = new WireMockServer(options().dynamicPort());
        slack.start();
        stubSlack();
    }

    /** The Web API's address, as {@code SLACK_API_URL} gives it to the bot. */
    public String apiUrl() {
        return slack.baseUrl() + "/api/";
    }

    /** The instance requests go to, unless one is named. */
    public int port() {
        return port.getAsInt();
    }

    /** Slack's clock, as it stamps a request: the bot's "now". */
    public String timestamp() {
        return String.valueOf(signingClock.instant().getEpochSecond());
    }

    protected void stubSlack() {
        slack.stubFor(post(urlPathEqualTo("/api/auth.test"))
                .willReturn(okJson("{\"ok\":true,\"url\":\"https://miic-test.slack.com/\",\"team\":\"MIIC Test\","
                        + "\"user\":\"miic\",\"team_id\":\"T0MIIC\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\"}")));
        // Like Slack, answers with where the message went and a ts of its own, so that it can be updated later.
        slack.stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
                .willReturn(okJson("{{formData request.body 'form' urlDecode=true}}{\"ok\":true,"
                                + "\"channel\":\"{{form.channel}}\","
                                + "\"ts\":\"1700000000.{{randomValue length=6 type='NUMERIC'}}\"}")
                        .withTransformers("response-template")));
        slack.stubFor(post(urlPathEqualTo("/api/chat.update")).willReturn(okJson("{\"ok\":true}")));
        slack.stubFor(post(urlPathEqualTo("/api/views.open"))
                .willReturn(okJson("{\"ok\":true,\"view\":{\"id\":\"V0MODAL\"}}")));
        slack.stubFor(post(urlPathEqualTo("/api/views.publish"))
                .willReturn(okJson("{\"ok\":true,\"view\":{\"id\":\"V0HOME\"}}")));
        slack.stubFor(post(urlPathEqualTo("/api/users.info"))
                .atPriority(10)
                .willReturn(okJson("{\"ok\":true,\"user\":{\"id\":\"U0\",\"profile\":{}}}")));
        slack.stubFor(post(urlPathMatching("/respond/.*"))
                .willReturn(aResponse().withStatus(200).withBody("ok")));
    }

    /** What users.info tells about a Slack user: their profile's email. */
    public void slackProfile(String slackUserId, String email) {
        slack.stubFor(post(urlPathEqualTo("/api/users.info"))
                .atPriority(1)
                .withRequestBody(containing("user=" + slackUserId))
                .willReturn(okJson("{\"ok\":true,\"user\":{\"id\":\"" + slackUserId + "\",\"profile\":{\"email\":\""
                        + email + "\"}}}")));
    }

    // ---- sending, as Slack does

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
        form.put("response_url", slack.baseUrl() + responseUrl);
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

    public static ObjectNode button(String actionId, String value) {
        ObjectNode action = JSON.createObjectNode()
                .put("type", "button")
                .put("action_id", actionId)
                .put("block_id", "b" + actionId)
                .put("value", value)
                .put("action_ts", "1700000001.000200");
        action.putObject("text").put("type", "plain_text").put("text", actionId);
        return action;
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
            payload.put("response_url", slack.baseUrl() + responseUrl);
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

    /**
     * A modal's inputs as Slack would submit them untouched: each input's initial value, or none. Tests then change
     * what the person would have typed.
     */
    public static Map<String, ObjectNode> filledIn(JsonNode view) {
        Map<String, ObjectNode> values = new LinkedHashMap<>();
        for (JsonNode block : view.get("blocks")) {
            if (!"input".equals(block.path("type").asText())) {
                continue;
            }
            JsonNode element = block.get("element");
            ObjectNode state =
                    switch (element.get("type").asText()) {
                        case "plain_text_input" -> text(
                                element.has("initial_value")
                                        ? element.get("initial_value").asText()
                                        : null);
                        case "datepicker" -> date(
                                element.has("initial_date")
                                        ? element.get("initial_date").asText()
                                        : null);
                        default -> selected(
                                element.has("initial_option")
                                        ? element.get("initial_option")
                                                .get("value")
                                                .asText()
                                        : null);
                    };
            state.put("type", element.get("type").asText());
            values.put(block.get("block_id").asText(), state);
        }
        return values;
    }

    public static ObjectNode text(String value) {
        ObjectNode n = JSON.createObjectNode().put("type", "plain_text_input");
        if (value == null) {
            n.putNull("value");
        } else {
            n.put("value", value);
        }
        return n;
    }

    public static ObjectNode selected(String value) {
        ObjectNode n = JSON.createObjectNode().put("type", "static_select");
        if (value == null) {
            n.putNull("selected_option");
        } else {
            ObjectNode option = n.putObject("selected_option");
            option.putObject("text").put("type", "plain_text").put("text", value);
            option.put("value", value);
        }
        return n;
    }

    public static ObjectNode date(String isoDate) {
        ObjectNode n = JSON.createObjectNode().put("type", "datepicker");
        if (isoDate == null) {
            n.putNull("selected_date");
        } else {
            n.put("selected_date", isoDate);
        }
        return n;
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

    // ---- reading what the bot sent to Slack

    /** The messages posted to a response URL so far, oldest first. */
    public List<JsonNode> replies(String responseUrl) {
        return slack.findAll(postRequestedFor(urlPathEqualTo(responseUrl))).stream()
                .map(r -> readJson(r.getBodyAsString()))
                .toList();
    }

    /** Waits for the n-th message posted to a response URL, and returns it. */
    public JsonNode reply(String responseUrl, int n) {
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(POLL)
                .until(() -> replies(responseUrl).size() >= n);
        return replies(responseUrl).get(n - 1);
    }

    public JsonNode reply(String responseUrl) {
        return reply(responseUrl, 1);
    }

    /** Every call made to one Web API method, its form fields decoded (JSON fields stay JSON text). */
    public List<Map<String, String>> calls(String method) {
        return slack.findAll(postRequestedFor(urlPathEqualTo("/api/" + method))).stream()
                .map(SlackWorkspace::form)
                .toList();
    }

    public List<Map<String, String>> dmsTo(String slackUserId) {
        return calls("chat.postMessage").stream()
                .filter(m -> slackUserId.equals(m.get("channel")))
                .toList();
    }

    public Map<String, String> awaitDm(String slackUserId, int n) {
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(POLL)
                .until(() -> dmsTo(slackUserId).size() >= n);
        return dmsTo(slackUserId).get(n - 1);
    }

    public JsonNode awaitOpenedView(int n) {
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(POLL)
                .until(() -> calls("views.open").size() >= n);
        return readJson(calls("views.open").get(n - 1).get("view"));
    }

    /** Types a command that opens a modal, and returns the modal as the bot opened it. */
    public JsonNode openModal(String slackUserId, String command) {
        int opened = calls("views.open").size();
        String replies = command(slackUserId, command);
        try {
            return awaitOpenedView(opened + 1);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("no modal for " + command + "; replied " + replies(replies), e);
        }
    }

    /** Everything the bot sent anywhere: Web API calls and response URL posts. */
    /** The App Home last published for a user, or null when none was. */
    public JsonNode lastHomeOf(String slackUserId) {
        return calls("views.publish").stream()
                .filter(c -> slackUserId.equals(c.get("user_id")))
                .reduce((a, b) -> b)
                .map(c -> readJson(c.get("view")))
                .orElse(null);
    }

    public String everythingSent() {
        StringBuilder all = new StringBuilder();
        for (LoggedRequest r :
                slack.getAllServeEvents().stream().map(e -> e.getRequest()).toList()) {
            all.append(r.getUrl())
                    .append(' ')
                    .append(unescapeJson(decode(r.getBodyAsString())))
                    .append('\n');
        }
        return all.toString();
    }

    /** Gson writes = and ' as unicode escapes; a search for a password must see them as typed. */
    private static String unescapeJson(String s) {
        var m = java.util.regex.Pattern.compile("\\\\u([0-9a-fA-F]{4})").matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(String.valueOf((char)
                    Integer.parseInt(m.group(1), 16))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A Web API call's form fields, decoded (JSON fields stay JSON text). */
    public static Map<String, String> form(LoggedRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        String body = request.getBodyAsString();
        if (body.isBlank()) {
            return fields;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            fields.put(key, value);
        }
        return fields;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    public static JsonNode readJson(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + json, e);
        }
    }

    /** The value of the first button or menu option with this action id in a message or view. */
    public static String valueOf(JsonNode message, String actionId) {
        for (JsonNode node : message.findParents("action_id")) {
            if (actionId.equals(node.path("action_id").asText())) {
                if (node.has("value")) {
                    return node.get("value").asText();
                }
                if (node.has("options")) {
                    return node.get("options").get(0).get("value").asText();
                }
            }
        }
        throw new AssertionError("no " + actionId + " in " + message);
    }

    /** Every text in a message, joined: what a person would read. */
    public static String textOf(JsonNode message) {
        StringBuilder all = new StringBuilder();
        collectTexts(message, all);
        return all.toString();
    }

    private static void collectTexts(JsonNode node, StringBuilder all) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("text") && e.getValue().isTextual()) {
                    all.append(e.getValue().asText()).append('\n');
                } else {
                    collectTexts(e.getValue(), all);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectTexts(child, all));
        }
    }

    @Override
    public void close() {
        slack.stop();
    }
}
