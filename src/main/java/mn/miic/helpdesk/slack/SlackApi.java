package mn.miic.helpdesk.slack;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import com.slack.api.webhook.WebhookResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import mn.miic.helpdesk.observability.Meters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every call this bot makes to Slack, in one place. Answering a person right away ({@link #respond}, forms), a 429 is
 * waited out briefly and a network failure tried again a few times; for the outbox ({@link #withoutWaiting()}) each
 * call is one attempt, and a 429 or an outage comes back at once as {@link SlackRateLimited} or
 * {@link SlackUnavailable}, so no thread ever waits on Slack there. Never give it a password to log: it logs method
 * names and Slack's error codes only.
 */
public final class SlackApi {

    /** The Web API methods called and the bot scopes each needs: what {@code manifest.yml} must ask for. */
    public static final Map<String, Set<String>> METHOD_SCOPES = Map.of(
            "auth.test", Set.of(),
            "users.info", Set.of("users:read", "users:read.email"),
            "users.lookupByEmail", Set.of("users:read", "users:read.email"),
            "chat.postMessage", Set.of("chat:write"),
            "chat.update", Set.of("chat:write"),
            "views.open", Set.of(),
            "views.publish", Set.of());

    private static final Logger log = LoggerFactory.getLogger(SlackApi.class);
    private static final int ATTEMPTS = 5;
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(60);

    private final Slack slack;
    private final MethodsClient methods;
    private final boolean waits;

    public SlackApi(Slack slack, String botToken) {
        this(slack, slack.methods(botToken), true);
    }

    private SlackApi(Slack slack, MethodsClient methods, boolean waits) {
        this.slack = slack;
        this.methods = methods;
        this.waits = waits;
    }

    /** The same client, one attempt a call: what the outbox's worker uses, since it retries by rescheduling. */
    public SlackApi withoutWaiting() {
        return new SlackApi(slack, methods, false);
    }

    public static Set<String> scopes() {
        Set<String> all = new TreeSet<>();
        METHOD_SCOPES.values().forEach(all::addAll);
        all.add("commands");
        return all;
    }

    /** The workspace this bot is installed in (auth.test), or empty when Slack does not say. */
    public Optional<String> teamId() {
        var response = call("auth.test", () -> methods.authTest(r -> r));
        return response.isOk() ? Optional.ofNullable(response.getTeamId()) : Optional.empty();
    }

    /** users.info: the Slack user, or empty when Slack knows no such user. Any other refusal is thrown. */
    public Optional<com.slack.api.model.User> user(String slackUserId) {
        var response = call("users.info", () -> methods.usersInfo(r -> r.user(slackUserId)));
        return found(response.isOk(), response.getError(), "user_not_found", response.getUser(), "users.info");
    }

    /** users.lookupByEmail: the workspace's member with this profile email, or empty when there is none. */
    public Optional<com.slack.api.model.User> userWithEmail(String email) {
        var response = call("users.lookupByEmail", () -> methods.usersLookupByEmail(r -> r.email(email)));
        return found(
                response.isOk(), response.getError(), "users_not_found", response.getUser(), "users.lookupByEmail");
    }

    private static Optional<com.slack.api.model.User> found(
            boolean ok, String error, String notFound, com.slack.api.model.User user, String method) {
        if (ok) {
            return Optional.ofNullable(user);
        }
        if (notFound.equals(error)) {
            return Optional.empty();
        }
        // A missing scope or a revoked token must not look like "nobody there": links would be dropped for it.
        throw new SlackUnavailable(method + " answered " + error, null);
    }

    /**
     * A direct message from the bot to a Slack user.
     *
     * @return false when Slack refused it (no such user, the user left, the bot may not write to them)
     */
    public boolean directMessage(String slackUserId, String text, List<LayoutBlock> blocks) {
        return post(slackUserId, text, blocks).isPresent();
    }

    /** Where a message went, so that it can be updated later. */
    public record Posted(String channel, String ts) {}

    /** What Slack said to a message: where it put it, or its error code (user_not_found, not_in_channel, ...). */
    public record Sent(Posted posted, String error) {
        public boolean ok() {
            return posted != null;
        }
    }

    /**
     * A message to a channel, or to a Slack user by their id (a DM).
     *
     * @return empty when Slack refused it
     */
    public Optional<Posted> post(String channel, String text, List<LayoutBlock> blocks) {
        return Optional.ofNullable(send(channel, text, blocks).posted());
    }

    /** A message, and what Slack said to it. */
    public Sent send(String channel, String text, List<LayoutBlock> blocks) {
        var response = call(
                "chat.postMessage",
                () -> methods.chatPostMessage(r -> r.channel(channel)
                        .text(text)
                        .blocks(blocks)
                        .unfurlLinks(false)
                        .unfurlMedia(false)));
        return response.isOk()
                ? new Sent(new Posted(response.getChannel(), response.getTs()), null)
                : new Sent(null, response.getError());
    }

    public boolean update(String channel, String ts, String text, List<LayoutBlock> blocks) {
        return call(
                        "chat.update",
                        () -> methods.chatUpdate(
                                r -> r.channel(channel).ts(ts).text(text).blocks(blocks)))
                .isOk();
    }

    public boolean openView(String triggerId, View view) {
        return call(
                        "views.open",
                        () -> methods.viewsOpen(r -> r.triggerId(triggerId).view(view)))
                .isOk();
    }

    public boolean publishHome(String slackUserId, View view) {
        return call(
                        "views.publish",
                        () -> methods.viewsPublish(r -> r.userId(slackUserId).view(view)))
                .isOk();
    }

    /**
     * An answer to a slash command or a click, through the response URL Slack gave with it.
     *
     * @return false when Slack did not take it (the URL expired after 30 minutes, say)
     */
    public boolean respond(String responseUrl, Object payload) {
        String json = GsonFactory.createSnakeCase().toJson(payload);
        for (int attempt = 1; ; attempt++) {
            try {
                WebhookResponse response = slack.send(responseUrl, json);
                if (response.getCode() == 429) {
                    Duration wait = retryAfter(response.getHeaders());
                    if (!waits || attempt >= ATTEMPTS) {
                        throw new SlackRateLimited("response_url", wait);
                    }
                    sleep(wait, "response_url");
                    continue;
                }
                if (response.getCode() >= 500) {
                    if (!waits || attempt >= ATTEMPTS) {
                        throw new SlackUnavailable("response_url (HTTP " + response.getCode() + ")", null);
                    }
                    sleep(backoff(attempt), "response_url");
                    continue;
                }
                if (response.getCode() != 200) {
                    log.warn("response_url answered {}: {}", response.getCode(), response.getBody());
                }
                return response.getCode() == 200;
            } catch (IOException e) {
                if (!waits || attempt >= ATTEMPTS) {
                    throw new SlackUnavailable("response_url", e);
                }
                sleep(backoff(attempt), "response_url");
            }
        }
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws IOException, SlackApiException;
    }

    private <T extends SlackApiTextResponse> T call(String method, Call<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                T response = call.run();
                if (!response.isOk()) {
                    log.warn("Slack {} answered error {}", method, response.getError());
                }
                Meters.slackCall(method, response.isOk() ? "ok" : "error");
                return response;
            } catch (SlackApiException e) {
                int code = e.getResponse().code();
                Meters.slackCall(method, code == 429 ? "rate_limited" : "http_" + code);
                if (code == 429 && (!waits || attempt >= ATTEMPTS)) {
                    throw new SlackRateLimited(
                            method, retryAfter(e.getResponse().headers().toMultimap()));
                }
                if (!waits || attempt >= ATTEMPTS || (code != 429 && code < 500)) {
                    throw new SlackUnavailable(method + " (HTTP " + code + ")", e);
                }
                sleep(code == 429 ? retryAfter(e.getResponse().headers().toMultimap()) : backoff(attempt), method);
            } catch (IOException e) {
                Meters.slackCall(method, "unavailable");
                if (!waits || attempt >= ATTEMPTS) {
                    throw new SlackUnavailable(method, e);
                }
                sleep(backoff(attempt), method);
            }
        }
    }

    private static Duration retryAfter(Map<String, List<String>> headers) {
        for (var header : headers.entrySet()) {
            if ("retry-after".equalsIgnoreCase(header.getKey())
                    && !header.getValue().isEmpty()) {
                try {
                    Duration wait = Duration.ofSeconds(
                            Long.parseLong(header.getValue().get(0).trim()));
                    return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
                } catch (NumberFormatException e) {
                    break;
                }
            }
        }
        return Duration.ofSeconds(1);
    }

    private static Duration backoff(int attempt) {
        return Duration.ofMillis(250L << Math.min(attempt, 5));
    }

    private static void sleep(Duration wait, String method) {
        log.info("Slack {}: waiting {} ms before trying again", method, wait.toMillis());
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackUnavailable(method + " (interrupted)", e);
        }
    }
}
