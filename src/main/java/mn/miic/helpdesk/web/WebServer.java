package mn.miic.helpdesk.web;

import io.javalin.Javalin;
import io.javalin.http.Handler;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import mn.miic.helpdesk.observability.Meters;

/** The HTTP side: health, readiness, and Slack's Request URL when the bot runs in HTTP mode. */
public final class WebServer {

    public static final String SLACK_PATH = "/slack/events";

    private final Javalin app;

    /**
     * @param slack the handler of Slack's requests, or null when Slack is not served over HTTP
     * @param posts further POST routes, path to handler (the account API, when it is on)
     * @param metricsToken the bearer token {@code /metrics} asks for; none: {@code /metrics} is not served, since what
     *     it tells (who is busy, how many sign-ins fail) helps an attacker
     */
    public WebServer(
            BooleanSupplier ready, Handler slack, Map<String, Handler> posts, java.util.Optional<String> metricsToken) {
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.routes.get("/healthz", ctx -> ctx.result("ok"));
            metricsToken
                    .map(BearerToken::new)
                    .ifPresent(token -> config.routes.get("/metrics", ctx -> {
                        if (!token.presentIn(ctx)) {
                            ctx.status(401)
                                    .header("WWW-Authenticate", "Bearer")
                                    .result("a valid bearer token is required");
                            return;
                        }
                        ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                                .result(Meters.scrape());
                    }));
            config.requestLogger.http((ctx, millis) -> Meters.httpRequest(
                    ctx.status().getCode() == 404 ? "unmatched" : ctx.path(),
                    ctx.status().getCode(),
                    Duration.ofNanos((long) (millis * 1_000_000))));
            config.routes.get("/readyz", ctx -> {
                if (ready.getAsBoolean()) {
                    ctx.result("ready");
                } else {
                    ctx.status(503).result("not ready: the database is unreachable or not migrated");
                }
            });
            if (slack != null) {
                config.routes.post(SLACK_PATH, slack);
            }
            posts.forEach(config.routes::post);
        });
    }

    public WebServer start(int port) {
        app.start(port);
        return this;
    }

    public int port() {
        return app.port();
    }

    public void stop() {
        app.stop();
    }
}
