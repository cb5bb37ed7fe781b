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

    /** @param slack the handler of Slack's requests, or null when Slack is not served over HTTP */
    public WebServer(BooleanSupplier ready, Handler slack) {
        this(ready, slack, Map.of());
    }

    /** @param posts further POST routes, path to handler (the account API, when it is on) */
    public WebServer(BooleanSupplier ready, Handler slack, Map<String, Handler> posts) {
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.routes.get("/healthz", ctx -> ctx.result("ok"));
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(Meters.scrape()));
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
