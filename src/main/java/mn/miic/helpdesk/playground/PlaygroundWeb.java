package mn.miic.helpdesk.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.staticfiles.Location;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The playground's one web server: the page (built from {@code src/main/playground} into the jar), what the page asks
 * of Slack's side ({@code /play/...}), and the stand-in's Web API ({@code /api/...}) and response URLs
 * ({@code /respond/...}) that the bot calls. It listens on this machine only.
 */
public final class PlaygroundWeb {

    public static final String API_PATH = "/api/";
    public static final String RESPOND_PATH = "/respond/";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The most a trainer skips at once: past the 90-day inactivity period with a day to spare. */
    static final Duration LONGEST_SKIP = Duration.ofDays(91);

    private final SlackStandIn slack;
    private final SlackServers servers;
    private final PlaygroundClock time;
    private final Supplier<Clock> botClock;
    private final List<SseClient> pages = new CopyOnWriteArrayList<>();
    private volatile MemberAccounts accounts;
    private final Javalin app;

    public PlaygroundWeb(SlackStandIn slack, SlackServers servers, PlaygroundClock time, Supplier<Clock> botClock) {
        this.slack = slack;
        this.servers = servers;
        this.time = time;
        this.botClock = botClock;
        slack.onChange(this::tellPages);
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/playground";
                files.location = Location.CLASSPATH;
            });
            config.routes.post(API_PATH + "{method}", this::webApi);
            config.routes.post(RESPOND_PATH + "{id}", this::respond);
            config.routes.get("/healthz", ctx -> ctx.result("ok"));
            config.routes.get("/readyz", ctx -> {
                if (accounts == null) {
                    ctx.status(503).result("not ready: the playground is starting");
                } else {
                    ctx.result("ready");
                }
            });
            config.routes.get("/play/people", this::people);
            config.routes.get("/play/state", this::state);
            config.routes.post("/play/command", this::command);
            config.routes.post("/play/action", this::action);
            config.routes.post("/play/submit", this::submit);
            config.routes.post("/play/close", this::close);
            config.routes.post("/play/tab", this::tab);
            config.routes.post("/play/skip", this::skip);
            config.routes.sse("/play/events", client -> {
                client.keepAlive();
                pages.add(client);
                client.onClose(() -> pages.remove(client));
                client.sendEvent("changed", String.valueOf(slack.version()));
            });
        });
    }

    /** Binds the port (on this machine only), before anything else starts: a port in use stops the playground. */
    public PlaygroundWeb start(int port) {
        app.start("127.0.0.1", port);
        return this;
    }

    /** Where the people's accounts are read from, once the bot is up: from then on the playground is ready. */
    public void readAccountsFrom(MemberAccounts accounts) {
        this.accounts = accounts;
    }

    public int port() {
        return app.port();
    }

    public void stop() {
        pages.forEach(SseClient::close);
        app.stop();
    }

    private void tellPages() {
        String version = String.valueOf(slack.version());
        for (SseClient page : pages) {
            if (page.terminated()) {
                pages.remove(page);
            } else {
                page.sendEvent("changed", version);
            }
        }
    }

    // ---- The stand-in, for the bot ---------------------------------------------------------------------------------

    private void webApi(Context ctx) throws Exception {
        Map<String, String> params = new HashMap<>();
        String type = ctx.contentType() == null ? "" : ctx.contentType();
        if (type.startsWith("application/json")) {
            JSON.readTree(ctx.body())
                    .fields()
                    .forEachRemaining(e -> params.put(
                            e.getKey(),
                            e.getValue().isTextual()
                                    ? e.getValue().asText()
                                    : e.getValue().toString()));
        } else {
            ctx.formParamMap().forEach((k, v) -> params.put(k, v.isEmpty() ? null : v.get(0)));
        }
        ctx.json(slack.call(ctx.pathParam("method"), ctx.header("Authorization"), params));
    }

    private void respond(Context ctx) throws Exception {
        if (!slack.respond(ctx.pathParam("id"), JSON.readTree(ctx.body()))) {
            ctx.status(404).result("no_such_response_url");
            return;
        }
        ctx.result("ok");
    }

    // ---- The page ------------------------------------------------------------------------------------------------

    private void people(Context ctx) {
        Map<String, MemberAccounts.Summary> byEmail =
                accounts == null ? Map.of() : accounts.byEmail(slack.workspace().members());
        ObjectNode answer = JSON.createObjectNode()
                .put("first", Workspace.FIRST_PERSON)
                .put("team", Workspace.TEAM_NAME)
                .put("bot", Workspace.BOT_USER)
                .put("botName", Workspace.BOT_NAME);
        ArrayNode list = answer.putArray("people");
        for (Member m : slack.workspace().members()) {
            ObjectNode p = list.addObject()
                    .put("id", m.id())
                    .put("name", m.realName())
                    .put("title", m.title())
                    .put("email", m.email());
            MemberAccounts.Summary account = byEmail.get(m.email().toLowerCase());
            if (account != null) {
                p.putObject("account")
                        .put("username", account.username())
                        .put("role", account.role())
                        .put("organization", account.organization())
                        .put("state", account.state());
            }
        }
        ctx.json(answer);
    }

    private void state(Context ctx) {
        ObjectNode seen = slack.seenBy(person(ctx.queryParam("as")));
        seen.put("now", botClock.get().instant().toString())
                .put("skippedMinutes", time.ahead().toMinutes());
        ctx.json(seen);
    }

    private void command(Context ctx) throws Exception {
        JsonNode body = JSON.readTree(ctx.body());
        String text = body.path("text").asText("").trim();
        servers.command(person(body.path("as").asText()), channel(body), text);
        ctx.json(Map.of("ok", true));
    }

    private void action(Context ctx) throws Exception {
        JsonNode body = JSON.readTree(ctx.body());
        String who = person(body.path("as").asText());
        if (!(body.get("action") instanceof ObjectNode action)
                || action.path("action_id").asText("").isEmpty()) {
            throw new BadRequestResponse("an action needs its action_id");
        }
        switch (body.path("where").asText()) {
            case "message" -> servers.clickInMessage(
                    who, channel(body), body.path("ts").asText(), action);
            case "home" -> servers.clickOnHome(who, action);
            case "modal" -> servers.clickInModal(who, body.path("viewId").asText(), action);
            default -> throw new BadRequestResponse("where: message, home or modal");
        }
        ctx.json(Map.of("ok", true));
    }

    private void submit(Context ctx) throws Exception {
        JsonNode body = JSON.readTree(ctx.body());
        Map<String, String> errors = servers.submit(
                person(body.path("as").asText()), body.path("viewId").asText(), body.path("values"));
        ctx.json(Map.of("errors", errors));
    }

    private void close(Context ctx) throws Exception {
        JsonNode body = JSON.readTree(ctx.body());
        slack.close(person(body.path("as").asText()), body.path("viewId").asText());
        ctx.json(Map.of("ok", true));
    }

    private void tab(Context ctx) throws Exception {
        JsonNode body = JSON.readTree(ctx.body());
        String tab = body.path("tab").asText();
        if (!tab.equals("home") && !tab.equals("messages")) {
            throw new BadRequestResponse("tab: home or messages");
        }
        servers.openTab(person(body.path("as").asText()), tab);
        ctx.json(Map.of("ok", true));
    }

    private void skip(Context ctx) throws Exception {
        long minutes = JSON.readTree(ctx.body()).path("minutes").asLong(0);
        Duration by = Duration.ofMinutes(minutes);
        if (minutes <= 0 || by.compareTo(LONGEST_SKIP) > 0) {
            throw new BadRequestResponse("minutes: from 1 to " + LONGEST_SKIP.toMinutes());
        }
        time.skip(by);
        slack.touch();
        ctx.json(Map.of("skippedMinutes", time.ahead().toMinutes()));
    }

    private String person(String id) {
        if (id == null || slack.workspace().member(id).isEmpty()) {
            throw new BadRequestResponse("no such person in the playground: " + id);
        }
        return id;
    }

    /** The conversation a command or click is in: the person's DM with the bot, or the help-desk channel. */
    private String channel(JsonNode body) {
        String channel = body.path("channel").asText();
        String mine = Workspace.dmOf(person(body.path("as").asText()));
        if (!channel.equals(mine) && !channel.equals(Workspace.HELPDESK_CHANNEL)) {
            throw new BadRequestResponse("channel: your DM with the bot or #" + Workspace.HELPDESK_CHANNEL_NAME);
        }
        return channel;
    }
}
