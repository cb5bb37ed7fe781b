package mn.miic.helpdesk.web;

import io.javalin.Javalin;
import java.util.function.BooleanSupplier;

/** The HTTP side: health and readiness for now; Slack's Request URL joins it later. */
public final class WebServer {

    private final Javalin app;

    public WebServer(BooleanSupplier ready) {
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.routes.get("/healthz", ctx -> ctx.result("ok"));
            config.routes.get("/readyz", ctx -> {
                if (ready.getAsBoolean()) {
                    ctx.result("ready");
                } else {
                    ctx.status(503).result("not ready: the database is unreachable or not migrated");
                }
            });
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
