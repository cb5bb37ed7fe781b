package mn.miic.helpdesk.playground;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import mn.miic.helpdesk.web.WebServer;

/**
 * What Slack's servers do when a person types a command, clicks, submits a modal or opens the app: build the payload
 * Slack documents, sign it with the app's signing secret, and post it to the bot's {@code POST /slack/events}; then
 * act on the bot's acknowledgement as Slack does (a submission's {@code response_action}, Slack's own error line when
 * the bot did not answer in time).
 */
public final class SlackServers {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Slack waits 3 seconds for an acknowledgement, then tells the person the app did not respond. */
    private static final Duration ACK_DEADLINE = Duration.ofSeconds(3);

    private final SlackStandIn slack;
    private final SlackSignature.Generator signer;
    private volatile String respondBase;
    private final Supplier<Clock> clock;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicLong events = new AtomicLong();
    private volatile URI bot;

    /** @param clock the bot's clock: a request is stamped with the bot's "now", as Slack's clock would agree with it */
    public SlackServers(SlackStandIn slack, String signingSecret, Supplier<Clock> clock) {
        this.slack = slack;
        this.signer = new SlackSignature.Generator(signingSecret);
        this.clock = clock;
    }

    /**
     * @param playgroundPort where the stand-in serves its response URLs
     * @param botPort where the bot listens for Slack
     */
    public void connect(int playgroundPort, int botPort) {
        this.respondBase = "http://127.0.0.1:" + playgroundPort + PlaygroundWeb.RESPOND_PATH;
        this.bot = URI.create("http://127.0.0.1:" + botPort + WebServer.SLACK_PATH);
    }

    /** {@code /miic text} typed in a conversation. */
    public void command(String user, String channel, String text) {
        slack.typed(user, channel, "/miic " + text);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "playground-verification-token");
        form.put("team_id", Workspace.TEAM_ID);
        form.put("team_domain", "miic-playground");
        form.put("channel_id", channel);
        form.put("channel_name", channel.startsWith("D") ? "directmessage" : Workspace.HELPDESK_CHANNEL_NAME);
        form.put("user_id", user);
        form.put(
                "user_name",
                slack.workspace().member(user).map(Member::displayName).orElse(user));
        form.put("command", "/miic");
        form.put("text", escapeMentions(text));
        form.put("api_app_id", "A0MIIC");
        form.put("is_enterprise_install", "false");
        form.put("response_url", respondBase + slack.responseUrlFor(new SlackStandIn.Origin(user, channel, null)));
        form.put("trigger_id", slack.newTrigger(user));
        Optional<HttpResponse<String>> answer = post(form(form), "application/x-www-form-urlencoded");
        if (answer.isEmpty() || answer.get().statusCode() != 200) {
            slack.slackSays(user, channel, "/miic failed with the error \"" + failure(answer) + "\"");
        }
    }

    /**
     * The command's text as Slack sends it to an app whose manifest says {@code should_escape}: a mention of a person
     * ({@code @Lone Star} or {@code @lone}) becomes {@code <@U0LONE|lone>}, the help-desk channel {@code <#C…|name>}.
     * The longest names go first, so that "@Iris West" is not read as "@Iris".
     */
    String escapeMentions(String text) {
        String escaped = text;
        List<Member> byLength = slack.workspace().members().stream()
                .sorted(Comparator.comparingInt((Member m) -> m.realName().length())
                        .reversed())
                .toList();
        for (Member m : byLength) {
            for (String name : List.of(m.realName(), m.displayName())) {
                escaped = Pattern.compile("(?<![\\w<])@" + Pattern.quote(name) + "(?![\\w])", Pattern.CASE_INSENSITIVE)
                        .matcher(escaped)
                        .replaceAll(Matcher.quoteReplacement("<@" + m.id() + "|" + m.displayName() + ">"));
            }
        }
        return escaped.replaceAll(
                "(?<![\\w<])#" + Workspace.HELPDESK_CHANNEL_NAME + "(?![\\w-])",
                "<#" + Workspace.HELPDESK_CHANNEL + "|" + Workspace.HELPDESK_CHANNEL_NAME + ">");
    }

    /**
     * A click or a choice in a message.
     *
     * @param action the action as Slack reports it: type, action_id, block_id, and value or selected_option or
     *     selected_date
     */
    public void clickInMessage(String user, String channel, String ts, ObjectNode action) {
        SlackStandIn.Message message = slack.message(channel, ts).orElse(null);
        if (message == null) {
            return;
        }
        ObjectNode payload = actionPayload(user, action);
        payload.putObject("container")
                .put("type", "message")
                .put("message_ts", ts)
                .put("channel_id", channel)
                .put("is_ephemeral", message.onlyFor() != null);
        payload.putObject("channel").put("id", channel).put("name", channel);
        if (message.onlyFor() == null) {
            ObjectNode m = payload.putObject("message")
                    .put("type", "message")
                    .put("ts", ts)
                    .put("user", message.author())
                    .put("text", message.text());
            m.set("blocks", message.blocks());
        }
        payload.put("response_url", respondBase + slack.responseUrlFor(new SlackStandIn.Origin(user, channel, ts)));
        interaction(user, channel, payload);
    }

    /** A click on the App Home tab: Slack sends the view, and no response URL. */
    public void clickOnHome(String user, ObjectNode action) {
        ObjectNode payload = actionPayload(user, action);
        JsonNode home = slack.home(user).orElse(null);
        if (home == null) {
            return;
        }
        payload.putObject("container")
                .put("type", "view")
                .put("view_id", home.path("id").asText());
        payload.set("view", home);
        interaction(user, Workspace.dmOf(user), payload);
    }

    /** A click inside an open modal. */
    public void clickInModal(String user, String viewId, ObjectNode action) {
        ObjectNode view = slack.topModal(user)
                .filter(v -> v.path("id").asText().equals(viewId))
                .orElse(null);
        if (view == null) {
            return;
        }
        ObjectNode payload = actionPayload(user, action);
        payload.putObject("container").put("type", "view").put("view_id", viewId);
        payload.set("view", view);
        interaction(user, Workspace.dmOf(user), payload);
    }

    /**
     * A modal submitted with these input values (block id to action id to state, as Slack's {@code view.state}).
     *
     * @return the field errors the bot answered with, block id to message; empty when it took the submission
     */
    public Map<String, String> submit(String user, String viewId, JsonNode values) {
        ObjectNode view = slack.topModal(user)
                .filter(v -> v.path("id").asText().equals(viewId))
                .map(ObjectNode::deepCopy)
                .orElse(null);
        if (view == null) {
            return Map.of();
        }
        view.putObject("state").set("values", values);
        ObjectNode payload = JSON.createObjectNode().put("type", "view_submission");
        payload.putObject("team").put("id", Workspace.TEAM_ID).put("domain", "miic-playground");
        payload.set("user", userOf(user));
        payload.put("api_app_id", "A0MIIC")
                .put("token", "playground-verification-token")
                .put("trigger_id", slack.newTrigger(user));
        payload.set("view", view);
        payload.putArray("response_urls");
        Optional<HttpResponse<String>> answer = post(form(Map.of("payload", payload.toString())), null);
        if (answer.isEmpty() || answer.get().statusCode() != 200) {
            // Slack keeps the modal open and says so at its top.
            return Map.of("", "We had some trouble connecting. Try again? (" + failure(answer) + ")");
        }
        String body = answer.get().body();
        JsonNode response;
        try {
            response = body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            response = JSON.createObjectNode();
        }
        String action = response.path("response_action").asText("");
        if (action.equals("errors")) {
            Map<String, String> errors = new LinkedHashMap<>();
            response.path("errors")
                    .fields()
                    .forEachRemaining(e -> errors.put(e.getKey(), e.getValue().asText()));
            return errors;
        }
        slack.afterSubmission(user, viewId, action, response.path("view"));
        return Map.of();
    }

    /** The person opened a tab of the app: "home" or "messages". */
    public void openTab(String user, String tab) {
        ObjectNode event = JSON.createObjectNode()
                .put("type", "app_home_opened")
                .put("user", user)
                .put("channel", Workspace.dmOf(user))
                .put("tab", tab)
                .put("event_ts", clock.get().instant().getEpochSecond() + ".000100");
        slack.home(user).ifPresent(home -> event.set("view", home));
        ObjectNode callback = JSON.createObjectNode()
                .put("token", "playground-verification-token")
                .put("team_id", Workspace.TEAM_ID)
                .put("api_app_id", "A0MIIC")
                .put("type", "event_callback")
                .put("event_id", "Ev0PLAY" + events.incrementAndGet())
                .put("event_time", clock.get().instant().getEpochSecond());
        callback.set("event", event);
        callback.putArray("authorizations")
                .addObject()
                .put("team_id", Workspace.TEAM_ID)
                .put("user_id", Workspace.BOT_USER)
                .put("is_bot", true);
        post(callback.toString(), "application/json");
    }

    private ObjectNode actionPayload(String user, ObjectNode action) {
        ObjectNode payload = JSON.createObjectNode().put("type", "block_actions");
        payload.set("user", userOf(user));
        payload.put("api_app_id", "A0MIIC").put("token", "playground-verification-token");
        payload.put("trigger_id", slack.newTrigger(user));
        payload.putObject("team").put("id", Workspace.TEAM_ID).put("domain", "miic-playground");
        ObjectNode stamped =
                action.deepCopy().put("action_ts", clock.get().instant().getEpochSecond() + ".000200");
        payload.putArray("actions").add(stamped);
        return payload;
    }

    private void interaction(String user, String channel, ObjectNode payload) {
        Optional<HttpResponse<String>> answer = post(form(Map.of("payload", payload.toString())), null);
        if (answer.isEmpty() || answer.get().statusCode() != 200) {
            slack.slackSays(user, channel, "This app did not respond (" + failure(answer) + ")");
        }
    }

    private ObjectNode userOf(String user) {
        ObjectNode u = JSON.createObjectNode().put("id", user).put("team_id", Workspace.TEAM_ID);
        slack.workspace().member(user).ifPresent(m -> u.put("username", m.displayName())
                .put("name", m.displayName()));
        return u;
    }

    /** Signed as Slack signs: v0, the bot's "now" in seconds, and the body, under the signing secret. */
    private Optional<HttpResponse<String>> post(String body, String contentType) {
        if (bot == null) {
            return Optional.empty();
        }
        String timestamp = String.valueOf(clock.get().instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(bot)
                .timeout(ACK_DEADLINE)
                .header("Content-Type", contentType == null ? "application/x-www-form-urlencoded" : contentType)
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", signer.generate(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return Optional.of(http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static String failure(Optional<HttpResponse<String>> answer) {
        return answer.map(r -> "http_error_" + r.statusCode()).orElse("operation_timeout");
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
