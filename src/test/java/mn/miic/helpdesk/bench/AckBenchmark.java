package mn.miic.helpdesk.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.slack.api.app_backend.SlackSignature;
import io.javalin.Javalin;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import mn.miic.helpdesk.Application;
import mn.miic.helpdesk.config.Config;
import mn.miic.helpdesk.config.DatabaseUrl;
import mn.miic.helpdesk.db.Database;
import mn.miic.helpdesk.db.Migrations;

/**
 * Slack's acknowledgement under a constant load: signed {@code /miic whoami} commands at a fixed rate to the bot's
 * Request URL, each timed from send to HTTP 200, beside a floor measured in the same run with the same client and
 * rate: a bare Javalin endpoint that answers 200 at once. Only public API that every version of the bot has is used,
 * so the same program measures an older build ({@code dev/ack-benchmark.sh REV}).
 */
public final class AckBenchmark {

    private static final String SECRET = "bench-signing-secret";

    public static void main(String[] args) throws Exception {
        int rate = Integer.parseInt(System.getenv().getOrDefault("BENCH_RATE", "50"));
        int count = Integer.parseInt(System.getenv().getOrDefault("BENCH_COUNT", "1500"));
        WireMockServer slack = new WireMockServer(options().dynamicPort().containerThreads(32));
        slack.start();
        stub(slack);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            // The pool Main makes (HikariCP), not a connection per query: the bot as it runs.
            DataSource ds = Database.connect(
                            new DatabaseUrl(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null))
                    .dataSource();
            new Migrations(ds, "postgres").migrate();
            seed(ds);
            Config config = Config.from(Map.of(
                    "SLACK_BOT_TOKEN",
                    "xoxb-bench",
                    "SLACK_SIGNING_SECRET",
                    SECRET,
                    "SLACK_API_URL",
                    slack.baseUrl() + "/api/",
                    "LOG_FORMAT",
                    "text"));
            Application bot = new Application(config, ds, Clock.systemUTC()).start(0);
            Javalin floor = Javalin.create(cfg -> {
                        cfg.startup.showJavalinBanner = false;
                        cfg.routes.post("/slack/events", ctx -> ctx.status(200));
                    })
                    .start(0);
            try {
                String botUrl = "http://localhost:" + bot.port() + "/slack/events";
                String floorUrl = "http://localhost:" + floor.port() + "/slack/events";
                run(floorUrl, slack, 200, rate); // warm-up of both
                run(botUrl, slack, 200, rate);
                List<Long> floorMicros = run(floorUrl, slack, count, rate);
                List<Long> botMicros = run(botUrl, slack, count, rate);
                report("floor (bare Javalin, 200 at once)", floorMicros);
                report("bot (/miic whoami acknowledged)", botMicros);
                answered(slack, 200 + count);
                System.out.printf(
                        "ratio bot/floor: p50 %.2fx, p95 %.2fx, p99 %.2fx%n",
                        ratio(botMicros, floorMicros, 0.50),
                        ratio(botMicros, floorMicros, 0.95),
                        ratio(botMicros, floorMicros, 0.99));
            } finally {
                floor.stop();
                bot.stop();
            }
        } finally {
            slack.stop();
        }
        System.exit(0);
    }

    /** {@code count} signed commands, one every 1/rate s whatever the answers do; their acknowledgement times. */
    private static List<Long> run(String url, WireMockServer slack, int count, int rate) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .executor(Executors.newFixedThreadPool(8))
                .build();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        List<CompletableFuture<Long>> all = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger sent = new AtomicInteger();
        var ticks = clock.scheduleAtFixedRate(
                () -> {
                    int n = sent.incrementAndGet();
                    if (n > count) {
                        return;
                    }
                    all.add(send(http, url, slack, n));
                },
                0,
                1_000_000L / rate,
                TimeUnit.MICROSECONDS);
        while (sent.get() < count) {
            Thread.sleep(50);
        }
        ticks.cancel(false);
        clock.shutdown();
        List<Long> micros = new ArrayList<>();
        for (CompletableFuture<Long> f : all) {
            micros.add(f.get(30, TimeUnit.SECONDS));
        }
        Collections.sort(micros);
        return micros;
    }

    private static CompletableFuture<Long> send(HttpClient http, String url, WireMockServer slack, int n) {
        String body = "token=x&team_id=T0BENCH&team_domain=bench&channel_id=C0BENCH&channel_name=bench"
                + "&user_id=U0BENCH&user_name=bench&command=%2Fmiic&text=whoami&api_app_id=A0BENCH"
                + "&response_url=" + URLEncoder.encode(slack.baseUrl() + "/respond/" + n, StandardCharsets.UTF_8)
                + "&trigger_id=" + n + ".bench." + System.nanoTime();
        String ts = String.valueOf(System.currentTimeMillis() / 1000);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", ts)
                .header("X-Slack-Signature", new SlackSignature.Generator(SECRET).generate(ts, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        long started = System.nanoTime();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(r -> {
            if (r.statusCode() != 200) {
                throw new IllegalStateException("answered " + r.statusCode());
            }
            return (System.nanoTime() - started) / 1_000;
        });
    }

    /** An acknowledgement is only worth it if the answer follows: every command answered, none of them "busy". */
    private static void answered(WireMockServer slack, int commands) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<String> bodies = List.of();
        while (System.nanoTime() < until) {
            bodies = slack.findAll(postRequestedFor(urlPathMatching("/respond/.*"))).stream()
                    .map(r -> r.getBodyAsString())
                    .toList();
            if (bodies.size() >= commands) {
                break;
            }
            Thread.sleep(100);
        }
        long busy = bodies.stream().filter(b -> b.contains("MIIC is busy")).count();
        System.out.printf("answers: %d of %d commands answered, %d of them busy%n", bodies.size(), commands, busy);
    }

    private static void stub(WireMockServer slack) {
        slack.stubFor(post(urlPathEqualTo("/api/auth.test"))
                .willReturn(okJson("{\"ok\":true,\"team_id\":\"T0BENCH\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\"}")));
        slack.stubFor(post(urlPathEqualTo("/api/users.info"))
                .willReturn(okJson(
                        "{\"ok\":true,\"user\":{\"id\":\"U0BENCH\",\"profile\":{\"email\":\"bench@example.org\"}}}")));
        slack.stubFor(post(urlPathMatching("/api/.*")).atPriority(10).willReturn(okJson("{\"ok\":true}")));
        slack.stubFor(
                post(urlPathMatching("/respond/.*")).willReturn(aResponse().withStatus(200)));
    }

    /** One clinic and its administrator, whose Slack profile's email links them on the first command. */
    private static void seed(DataSource ds) throws Exception {
        try (var c = ds.getConnection();
                var s = c.createStatement()) {
            s.execute("insert into organization (code, name, kind, dua_date, created_at)"
                    + " values ('BENCH1', 'Bench Clinic', 'CLINIC', current_date - 100, now())");
            s.execute("insert into account (organization_id, username, first_name, last_name, role, status, locked,"
                    + " email, created_at, updated_at)"
                    + " select id, 'benchb1', 'Bea', 'Bench', 'ADMINISTRATOR', 'ACTIVE', false, 'bench@example.org',"
                    + " now(), now() from organization where code = 'BENCH1'");
        }
    }

    private static void report(String what, List<Long> micros) {
        System.out.printf(
                "%-40s n=%d  p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  max %.2f ms%n",
                what,
                micros.size(),
                at(micros, 0.50) / 1000.0,
                at(micros, 0.95) / 1000.0,
                at(micros, 0.99) / 1000.0,
                micros.get(micros.size() - 1) / 1000.0);
    }

    private static double ratio(List<Long> bot, List<Long> floor, double q) {
        return (double) at(bot, q) / Math.max(1, at(floor, q));
    }

    private static long at(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }
}
