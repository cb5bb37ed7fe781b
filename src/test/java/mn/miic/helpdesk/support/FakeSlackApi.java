package mn.miic.helpdesk.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static mn.miic.helpdesk.support.BlockKit.readJson;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Slack's Web API, faked with WireMock: it answers as Slack does (a posted message gets a channel and a ts of its own,
 * so that it can be updated later) and records what the bot sent, which tests read back. Nobody in its workspace has
 * used the bot yet; users.info knows only the profiles a test gives it.
 */
public final class FakeSlackApi implements AutoCloseable {

    /** How often a test looks again for what the bot sent: the bot answers within milliseconds. */
    private static final Duration POLL = Duration.ofMillis(20);

    /** The WireMock server, for a test that makes Slack fail (a 503, a 429) on purpose. */
    public final WireMockServer server;

    public FakeSlackApi() {
        this.server = new WireMockServer(options().dynamicPort());
        server.start();
        stubSlack();
    }

    /** The Web API's address, as {@code SLACK_API_URL} gives it to the bot. */
    public String apiUrl() {
        return server.baseUrl() + "/api/";
    }

    /** Where this fake's response URLs live: a path under it is one message's response URL. */
    public String baseUrl() {
        return server.baseUrl();
    }

    private void stubSlack() {
        server.stubFor(post(urlPathEqualTo("/api/auth.test"))
                .willReturn(okJson("{\"ok\":true,\"url\":\"https://miic-test.slack.com/\",\"team\":\"MIIC Test\","
                        + "\"user\":\"miic\",\"team_id\":\"T0MIIC\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\"}")));
        // Like Slack, answers with where the message went and a ts of its own, so that it can be updated later.
        server.stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
                .willReturn(okJson("{{formData request.body 'form' urlDecode=true}}{\"ok\":true,"
                                + "\"channel\":\"{{form.channel}}\","
                                + "\"ts\":\"1700000000.{{randomValue length=6 type='NUMERIC'}}\"}")
                        .withTransformers("response-template")));
        server.stubFor(post(urlPathEqualTo("/api/chat.update")).willReturn(okJson("{\"ok\":true}")));
        server.stubFor(post(urlPathEqualTo("/api/views.open"))
                .willReturn(okJson("{\"ok\":true,\"view\":{\"id\":\"V0MODAL\"}}")));
        server.stubFor(post(urlPathEqualTo("/api/views.publish"))
                .willReturn(okJson("{\"ok\":true,\"view\":{\"id\":\"V0HOME\"}}")));
        server.stubFor(post(urlPathEqualTo("/api/users.info"))
                .atPriority(10)
                .willReturn(okJson("{\"ok\":true,\"user\":{\"id\":\"U0\",\"profile\":{}}}")));
        // Nobody has this email, unless a test says who does.
        server.stubFor(post(urlPathEqualTo("/api/users.lookupByEmail"))
                .atPriority(10)
                .willReturn(okJson("{\"ok\":false,\"error\":\"users_not_found\"}")));
        server.stubFor(post(urlPathMatching("/respond/.*"))
                .willReturn(aResponse().withStatus(200).withBody("ok")));
    }

    /**
     * A member of the workspace with this profile email, as users.info and users.lookupByEmail tell it. They have not
     * used the bot: nothing links them until the bot looks.
     */
    public void slackProfile(String slackUserId, String email) {
        slackUser(slackUserId, email, "");
    }

    /**
     * A Slack user with flags of Slack's own, e.g. {@code "\"is_restricted\":true"} (a guest), {@code
     * "\"deleted\":true"}, {@code "\"is_stranger\":true"}, {@code "\"is_bot\":true"}, {@code
     * "\"team_id\":\"T0OTHER\""}.
     */
    public void slackUser(String slackUserId, String email, String flags) {
        String user = "{\"id\":\"" + slackUserId + "\"" + (flags.isEmpty() ? "" : "," + flags)
                + ",\"profile\":{\"email\":\"" + email + "\"}}";
        server.stubFor(post(urlPathEqualTo("/api/users.info"))
                .atPriority(1)
                .withRequestBody(containing("user=" + slackUserId))
                .willReturn(okJson("{\"ok\":true,\"user\":" + user + "}")));
        server.stubFor(post(urlPathEqualTo("/api/users.lookupByEmail"))
                .atPriority(1)
                .withRequestBody(containing("email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)))
                .willReturn(okJson("{\"ok\":true,\"user\":" + user + "}")));
    }

    /** The messages posted to a response URL so far, oldest first. */
    public List<JsonNode> replies(String responseUrl) {
        return server.findAll(postRequestedFor(urlPathEqualTo(responseUrl))).stream()
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
        return server.findAll(postRequestedFor(urlPathEqualTo("/api/" + method))).stream()
                .map(BlockKit::form)
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

    /** The App Home last published for a user, or null when none was. */
    public JsonNode lastHomeOf(String slackUserId) {
        return calls("views.publish").stream()
                .filter(c -> slackUserId.equals(c.get("user_id")))
                .reduce((a, b) -> b)
                .map(c -> readJson(c.get("view")))
                .orElse(null);
    }

    /**
     * Every message, view and reply the bot sent (Web API calls and response URL posts) as JSON: a form's JSON fields
     * ({@code blocks}, {@code view}) parsed, its other fields as text, so that every text object can be inspected.
     */
    public List<JsonNode> everyPayload() {
        List<JsonNode> all = new java.util.ArrayList<>();
        for (var event : server.getAllServeEvents()) {
            String body = event.getRequest().getBodyAsString();
            if (body.isBlank()) {
                continue;
            }
            if (body.startsWith("{")) {
                all.add(readJson(body));
                continue;
            }
            var node = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            BlockKit.form(event.getRequest()).forEach((key, value) -> {
                String v = value.trim();
                node.set(
                        key,
                        (v.startsWith("{") || v.startsWith("["))
                                ? readJson(v)
                                : com.fasterxml.jackson.databind.node.TextNode.valueOf(value));
            });
            all.add(node);
        }
        return all;
    }

    /** Everything the bot sent anywhere: Web API calls and response URL posts. */
    public String everythingSent() {
        StringBuilder all = new StringBuilder();
        for (LoggedRequest r :
                server.getAllServeEvents().stream().map(e -> e.getRequest()).toList()) {
            all.append(r.getUrl())
                    .append(' ')
                    .append(unescapeJson(BlockKit.decode(r.getBodyAsString())))
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

    @Override
    public void close() {
        server.stop();
    }
}
