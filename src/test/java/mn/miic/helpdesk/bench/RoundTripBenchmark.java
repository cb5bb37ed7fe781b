package mn.miic.helpdesk.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.util.SlackRequestParser;
import io.javalin.Javalin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import mn.miic.helpdesk.Application;
import mn.miic.helpdesk.config.Config;
import mn.miic.helpdesk.config.DatabaseUrl;
import mn.miic.helpdesk.db.Database;
import mn.miic.helpdesk.db.Migrations;
import mn.miic.helpdesk.slack.AccountOp;
import mn.miic.helpdesk.slack.Ids;

/**
 * Slack's round trip at a constant rate, open loop: each request timed from when it was due (not from when the
 * client got round to it) to its acknowledgement (HTTP 200) and to its answer at the response URL. Four kinds: {@code
 * /miic users} and {@code /miic unlock NAME} (reads: a search, a confirmation), the confirmation's Unlock and a
 * request's Approve (changes). Each beside a bare Bolt app in this program that acknowledges and answers at once, on
 * the same HTTP server, client and fake Slack; and the changes beside a durable commit on the same database.
 *
 * <p>A program, not a test: {@code dev/round-trip-benchmark.sh} runs it against the machine's PostgreSQL server
 * (durable commits need a disk that is really written: not the embedded test database, which does not sync).
 * Settings: {@code DATABASE_URL} ... as {@link LifecycleBenchmark}, {@code BENCH_RATE} (50 a second), {@code
 * BENCH_COUNT} (1500 of each kind), {@code BENCH_ROUNDS} (3).
 */
public final class RoundTripBenchmark {

    private static final String SECRET = "bench-signing-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        int rate = Integer.parseInt(env.getOrDefault("BENCH_RATE", "50"));
        int count = Integer.parseInt(env.getOrDefault("BENCH_COUNT", "1500"));
        int rounds = Integer.parseInt(env.getOrDefault("BENCH_ROUNDS", "3"));
        DatabaseUrl given = DatabaseUrl.parse(
                env.getOrDefault("DATABASE_URL", "jdbc:postgresql://localhost:5432/miic_bench"),
                env.get("DATABASE_USER"),
                env.get("DATABASE_PASSWORD"));
        Copies copies = new Copies(given);
        DatabaseUrl url = copies.fresh("rt");
        Answers answers = new Answers();
        WireMockServer slack = new WireMockServer(options().dynamicPort().containerThreads(32));
        slack.start();
        stub(slack);
        int people = (count + 200) * rounds;
        try (Database db = Database.connect(url)) {
            new Migrations(db.migrationDataSource(), db.runtimeRole()).migrate();
            seed(db, people);
            Config config = Config.from(Map.of(
                    "SLACK_BOT_TOKEN",
                    "xoxb-bench",
                    "SLACK_SIGNING_SECRET",
                    SECRET,
                    "SLACK_API_URL",
                    slack.baseUrl() + "/api/",
                    "LOG_FORMAT",
                    "text"));
            // Wired as Main wires it, on the pool Main makes.
            Application bot = new Application(config, db.dataSource(), Clock.systemUTC()).start(0);
            Javalin bare = bareBolt(slack.baseUrl() + "/api/");
            try {
                String botUrl = "http://localhost:" + bot.port() + "/slack/events";
                String bareUrl = "http://localhost:" + bare.port() + "/slack/events";
                Client client = new Client(answers);
                Map<String, List<Long>[]> results = new TreeMap<>();
                List<Long> commits = new ArrayList<>();
                int next = 1;
                for (int round = 0; round < rounds; round++) {
                    int warm = next;
                    next += 200;
                    int first = next;
                    next += count;
                    for (Kind kind : Kind.values()) {
                        // A warm-up of both, then each measured, the bare app first.
                        client.run(bareUrl, kind, kind + "-bare-w" + round, n -> warm + n, 200, rate);
                        client.run(botUrl, kind, kind + "-bot-w" + round, n -> warm + n, 200, rate);
                        Run floor = client.run(bareUrl, kind, kind + "-bare" + round, n -> first + n, count, rate);
                        Run measured = client.run(botUrl, kind, kind + "-bot" + round, n -> first + n, count, rate);
                        List<Long>[] all = results.computeIfAbsent(kind.ordinal() + " " + kind.label, k -> lists(4));
                        all[0].addAll(floor.acks);
                        all[1].addAll(floor.answers);
                        all[2].addAll(measured.acks);
                        all[3].addAll(measured.answers);
                        System.out.printf(
                                "round %d %-32s ack p99 %.1f/%.1f ms, answer p99 %.1f/%.1f ms (bare/bot)%n",
                                round + 1,
                                kind.label,
                                p(floor.acks, .99),
                                p(measured.acks, .99),
                                p(floor.answers, .99),
                                p(measured.answers, .99));
                    }
                    commits.addAll(durableCommits(url, rate, count));
                }
                report(results, commits, rate);
            } finally {
                bare.stop();
                bot.stop();
            }
        } finally {
            slack.stop();
            answers.stop();
            copies.dropAll();
        }
        System.exit(0);
    }

    /** What is measured: the text (or click) of the {@code n}th request. */
    enum Kind {
        USERS("/miic users (a search)", true),
        UNLOCK_COMMAND("/miic unlock NAME (confirmation)", true),
        UNLOCK_CONFIRM("Unlock on the confirmation", false),
        APPROVE("Approve on a request", false);

        final String label;
        final boolean reads;

        Kind(String label, boolean reads) {
            this.label = label;
            this.reads = reads;
        }
    }

    record Run(List<Long> acks, List<Long> answers) {}

    /** Sends at a constant rate and collects the acknowledgements and the answers, in microseconds from due. */
    static final class Client {
        private final HttpClient http = HttpClient.newBuilder()
                .executor(Executors.newFixedThreadPool(8))
                .build();
        private final Answers answers;

        Client(Answers answers) {
            this.answers = answers;
        }

        Run run(String url, Kind kind, String tag, IntFunction<Integer> person, int count, int rate) throws Exception {
            long every = 1_000_000_000L / rate;
            long start = System.nanoTime() + 50_000_000L;
            List<CompletableFuture<Long>> acks = new ArrayList<>();
            long[] due = new long[count];
            for (int n = 0; n < count; n++) {
                due[n] = start + n * every;
                long wait = due[n] - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                String key = tag + "-" + n;
                long dueAt = due[n];
                acks.add(http.sendAsync(
                                signed(url, body(kind, person.apply(n), answers.url(key))),
                                HttpResponse.BodyHandlers.discarding())
                        .thenApply(r -> {
                            if (r.statusCode() != 200) {
                                throw new IllegalStateException(kind + " answered " + r.statusCode());
                            }
                            return (System.nanoTime() - dueAt) / 1_000;
                        }));
            }
            List<Long> ackMicros = new ArrayList<>();
            for (var f : acks) {
                ackMicros.add(f.get(60, TimeUnit.SECONDS));
            }
            List<Long> answerMicros = new ArrayList<>();
            for (int n = 0; n < count; n++) {
                long at = answers.await(tag + "-" + n, 60);
                answerMicros.add((at - due[n]) / 1_000);
            }
            Collections.sort(ackMicros);
            Collections.sort(answerMicros);
            return new Run(ackMicros, answerMicros);
        }

        private static String body(Kind kind, int person, String responseUrl) {
            String locked = "lockd" + person;
            return switch (kind) {
                case USERS -> command("users lock", responseUrl);
                case UNLOCK_COMMAND -> command("unlock " + locked, responseUrl);
                case UNLOCK_CONFIRM -> click(
                        Ids.Actions.CONFIRM,
                        new AccountOp.Value(AccountOp.UNLOCK, locked, "n" + System.nanoTime()).encode(),
                        responseUrl);
                case APPROVE -> click(Ids.Actions.REQUEST_APPROVE, String.valueOf(person), responseUrl);
            };
        }

        private static String command(String text, String responseUrl) {
            return "token=x&team_id=T0BENCH&team_domain=bench&channel_id=C0BENCH&channel_name=bench"
                    + "&user_id=U0BENCH&user_name=bench&command=%2Fmiic&text=" + enc(text) + "&api_app_id=A0BENCH"
                    + "&response_url=" + enc(responseUrl) + "&trigger_id=1.bench." + System.nanoTime();
        }

        private static String click(String actionId, String value, String responseUrl) {
            ObjectNode payload = JSON.createObjectNode().put("type", "block_actions");
            payload.putObject("user")
                    .put("id", "U0BENCH")
                    .put("username", "bench")
                    .put("team_id", "T0BENCH");
            payload.put("api_app_id", "A0BENCH").put("token", "x").put("trigger_id", "1.bench." + System.nanoTime());
            payload.putObject("team").put("id", "T0BENCH").put("domain", "bench");
            payload.putObject("container")
                    .put("type", "message")
                    .put("message_ts", "1700000000.000100")
                    .put("channel_id", "C0BENCH")
                    .put("is_ephemeral", true);
            payload.putObject("channel").put("id", "C0BENCH").put("name", "bench");
            payload.put("response_url", responseUrl);
            payload.putArray("actions")
                    .addObject()
                    .put("action_id", actionId)
                    .put("block_id", "b")
                    .put("type", "button")
                    .put("value", value)
                    .put("action_ts", "1700000001.000200");
            return "payload=" + enc(payload.toString());
        }

        private static HttpRequest signed(String url, String body) {
            String ts = String.valueOf(System.currentTimeMillis() / 1000);
            return HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Slack-Request-Timestamp", ts)
                    .header("X-Slack-Signature", new SlackSignature.Generator(SECRET).generate(ts, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
        }
    }

    /** The response URLs: when the first answer to each arrived. */
    static final class Answers {
        private final Map<String, Long> arrived = new ConcurrentHashMap<>();
        private final Javalin server = Javalin.create(cfg -> {
                    cfg.startup.showJavalinBanner = false;
                    cfg.routes.post("/respond/{key}", ctx -> {
                        arrived.putIfAbsent(ctx.pathParam("key"), System.nanoTime());
                        ctx.status(200);
                    });
                })
                .start(0);

        String url(String key) {
            return "http://localhost:" + server.port() + "/respond/" + key;
        }

        long await(String key, int seconds) throws InterruptedException {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < until) {
                Long at = arrived.get(key);
                if (at != null) {
                    return at;
                }
                Thread.sleep(5);
            }
            throw new IllegalStateException("no answer for " + key);
        }

        void stop() {
            server.stop();
        }
    }

    /**
     * The bare Bolt app: the same Bolt, signing check and HTTP server as the bot, that acknowledges every command and
     * click and then answers at the response URL from a thread of its own, with no work between.
     */
    private static Javalin bareBolt(String apiUrl) {
        SlackConfig slackConfig = new SlackConfig();
        slackConfig.setMethodsEndpointUrlPrefix(apiUrl);
        App app = new App(AppConfig.builder()
                .signingSecret(SECRET)
                .singleTeamBotToken("xoxb-bench")
                .slack(Slack.getInstance(slackConfig))
                .build());
        ExecutorService answering = Executors.newFixedThreadPool(8);
        app.command("/miic", (req, ctx) -> {
            String url = req.getPayload().getResponseUrl();
            answering.submit(() -> respond(ctx.getSlack(), url));
            return ctx.ack();
        });
        app.blockAction(java.util.regex.Pattern.compile(".*"), (req, ctx) -> {
            String url = req.getPayload().getResponseUrl();
            answering.submit(() -> respond(ctx.getSlack(), url));
            return ctx.ack();
        });
        SlackRequestParser parser = new SlackRequestParser(app.config());
        return Javalin.create(cfg -> {
                    cfg.startup.showJavalinBanner = false;
                    cfg.routes.post("/slack/events", ctx -> {
                        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                        for (String name : Collections.list(ctx.req().getHeaderNames())) {
                            headers.put(
                                    name,
                                    new ArrayList<>(Collections.list(ctx.req().getHeaders(name))));
                        }
                        var response = app.run(parser.parse(SlackRequestParser.HttpRequest.builder()
                                .requestUri(ctx.path())
                                .queryString(ctx.queryParamMap())
                                .headers(new RequestHeaders(headers))
                                .requestBody(ctx.body())
                                .remoteAddress(ctx.ip())
                                .build()));
                        ctx.status(response.getStatusCode());
                        ctx.result(response.getBody() == null ? "" : response.getBody());
                    });
                })
                .start(0);
    }

    private static void respond(Slack slack, String url) {
        try {
            slack.send(url, "{\"text\":\"Done.\",\"response_type\":\"ephemeral\"}");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A durable commit on the same database at the same rate, open loop: one row, one fsync'd commit, from due. */
    private static List<Long> durableCommits(DatabaseUrl url, int rate, int count) throws Exception {
        try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
                var s = c.createStatement()) {
            s.execute("create table if not exists bench_commit (id bigserial primary key, at timestamptz)");
            s.execute("set synchronous_commit = on");
            var insert = c.prepareStatement("insert into bench_commit (at) values (now())");
            List<Long> micros = new ArrayList<>();
            long every = 1_000_000_000L / rate;
            long start = System.nanoTime() + 50_000_000L;
            for (int n = 0; n < count; n++) {
                long due = start + n * every;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                insert.executeUpdate();
                micros.add((System.nanoTime() - due) / 1_000);
            }
            Collections.sort(micros);
            return micros;
        }
    }

    private static void report(Map<String, List<Long>[]> results, List<Long> commits, int rate) {
        Collections.sort(commits);
        double commitP99 = p(commits, .99);
        System.out.println();
        System.out.printf("== Slack round trip at %d a second, open loop, all rounds together (ms from due)%n", rate);
        System.out.printf(
                "durable commit on the same database: p50 %.1f  p99 %.1f  max %.1f%n",
                p(commits, .5), commitP99, commits.get(commits.size() - 1) / 1000.0);
        System.out.printf(
                "%-34s %-24s %-24s %-10s %-26s%n",
                "", "ack p50/p99 bare | bot", "answer p50/p99 bare", "| bot", "ratios (target)");
        results.forEach((name, all) -> {
            for (List<Long> l : all) {
                Collections.sort(l);
            }
            Kind kind = Kind.values()[Integer.parseInt(name.substring(0, 1))];
            double ackRatio = p(all[2], .99) / p(all[0], .99);
            String answerTarget;
            if (kind.reads) {
                answerTarget = String.format("answer p99 %.2fx (<= 2x)", p(all[3], .99) / p(all[1], .99));
            } else {
                answerTarget = String.format(
                        "answer p99 %.1f ms (<= bare + 2 commits = %.1f ms)",
                        p(all[3], .99), p(all[1], .99) + 2 * commitP99);
            }
            System.out.printf(
                    "%-34s %5.1f/%5.1f | %5.1f/%5.1f   %5.1f/%6.1f | %5.1f/%6.1f   ack p99 %.2fx (<= 1.2x), %s%n",
                    kind.label,
                    p(all[0], .5),
                    p(all[0], .99),
                    p(all[2], .5),
                    p(all[2], .99),
                    p(all[1], .5),
                    p(all[1], .99),
                    p(all[3], .5),
                    p(all[3], .99),
                    ackRatio,
                    answerTarget);
        });
    }

    @SuppressWarnings("unchecked")
    private static List<Long>[] lists(int n) {
        List<Long>[] l = new List[n];
        for (int i = 0; i < n; i++) {
            l[i] = new ArrayList<>();
        }
        return l;
    }

    private static double p(List<Long> sorted, double q) {
        return LifecycleBenchmark.Stats.at(sorted, q);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void stub(WireMockServer slack) {
        slack.stubFor(post(urlPathEqualTo("/api/auth.test"))
                .willReturn(okJson("{\"ok\":true,\"team_id\":\"T0BENCH\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\"}")));
        slack.stubFor(post(urlPathEqualTo("/api/users.info"))
                .willReturn(okJson("{\"ok\":true,\"user\":{\"id\":\"U0BENCH\",\"team_id\":\"T0BENCH\","
                        + "\"profile\":{\"email\":\"bench@example.org\"}}}")));
        slack.stubFor(post(urlPathEqualTo("/api/conversations.open"))
                .willReturn(okJson("{\"ok\":true,\"channel\":{\"id\":\"D0BENCH\"}}")));
        slack.stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
                .willReturn(okJson("{\"ok\":true,\"channel\":\"D0BENCH\",\"ts\":\"1700000000.000100\"}")));
        slack.stubFor(post(urlPathMatching("/api/.*")).atPriority(10).willReturn(okJson("{\"ok\":true}")));
    }

    /**
     * One clinic: its administrator (linked by email on the first command), {@code people} locked accounts, and an
     * open unlock request for each, whose id is the person's number.
     */
    private static void seed(Database db, int people) throws Exception {
        try (var c = db.dataSource().getConnection();
                var s = c.createStatement()) {
            s.execute("insert into organization (code, name, kind, dua_date, created_at)"
                    + " values ('BENCH1', 'Bench Clinic', 'CLINIC', current_date - 100, now())");
            s.execute("insert into account (organization_id, username, first_name, last_name, role, status, locked,"
                    + " email, last_sign_in_at, created_at, updated_at)"
                    + " select id, 'benchb1', 'Bea', 'Bench', 'ADMINISTRATOR', 'ACTIVE', false, 'bench@example.org',"
                    + " now(), now(), now() from organization where code = 'BENCH1'");
            s.execute("insert into account (organization_id, username, first_name, last_name, role, status, locked,"
                    + " failed_sign_ins, last_sign_in_at, created_at, updated_at)"
                    + " select o.id, 'lockd' || g, 'Lou', 'Locked' || g, 'TYPICAL_USER', 'ACTIVE', true, 5, now(),"
                    + " now(), now() from organization o, generate_series(1, " + people + ") g"
                    + " where o.code = 'BENCH1'");
            s.execute("insert into account (organization_id, username, first_name, last_name, role, status, locked,"
                    + " failed_sign_ins, last_sign_in_at, created_at, updated_at)"
                    + " select o.id, 'askr' || g, 'Ada', 'Asker' || g, 'TYPICAL_USER', 'ACTIVE', true, 5, now(),"
                    + " now(), now() from organization o, generate_series(1, " + people + ") g"
                    + " where o.code = 'BENCH1'");
            s.execute("insert into help_request (kind, account_id, requester_slack_id, status, asked_at, escalate_at)"
                    + " select 'UNLOCK', a.id, 'U0ASK' || substr(a.username, 5), 'OPEN', now(),"
                    + " now() + interval '1 day' from account a where a.username like 'askr%'"
                    + " order by substr(a.username, 5)::int");
            s.execute("vacuum analyze");
        }
    }
}
