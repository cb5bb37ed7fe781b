package mn.miic.helpdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import javax.sql.DataSource;
import mn.miic.helpdesk.Application;
import mn.miic.helpdesk.config.Config;
import mn.miic.helpdesk.support.MovableClock;
import mn.miic.helpdesk.support.TestDatabase;
import org.junit.jupiter.api.Test;

class HealthEndpointsTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(Application app, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthz_answers_and_readyz_says_ready_once_the_database_is_migrated() throws Exception {
        DataSource empty = TestDatabase.empty();
        Application app = new Application(Config.from(Map.of()), empty, MovableClock.startingNow()).start(0);
        try {
            assertThat(get(app, "/healthz").statusCode()).isEqualTo(200);
            assertThat(get(app, "/metrics").statusCode())
                    .as("no METRICS_TOKEN: not served")
                    .isEqualTo(404);
            HttpResponse<String> notYet = get(app, "/readyz");
            assertThat(notYet.statusCode()).isEqualTo(503);
            assertThat(notYet.body()).contains("not migrated");

            TestDatabase.migrationsOf(empty).migrate();

            assertThat(get(app, "/readyz").statusCode()).isEqualTo(200);
        } finally {
            app.stop();
        }
    }

    @Test
    void readyz_says_not_ready_while_the_database_is_down_and_ready_again_after() throws Exception {
        var database = new mn.miic.helpdesk.support.SwitchableDataSource(TestDatabase.fresh());
        Application app = new Application(Config.from(Map.of()), database, MovableClock.startingNow()).start(0);
        try {
            assertThat(get(app, "/readyz").statusCode()).isEqualTo(200);
            database.down(true);
            HttpResponse<String> down = get(app, "/readyz");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).contains("unreachable");
            assertThat(get(app, "/healthz").statusCode())
                    .as("the process itself is fine")
                    .isEqualTo(200);
            database.down(false);
            assertThat(get(app, "/readyz").statusCode()).isEqualTo(200);
        } finally {
            app.stop();
        }
    }
}
