package mn.miic.helpdesk.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import mn.miic.helpdesk.Application;
import mn.miic.helpdesk.accounts.password.PasswordHasher;
import mn.miic.helpdesk.config.Config;
import mn.miic.helpdesk.config.DatabaseUrl;
import mn.miic.helpdesk.db.Database;
import mn.miic.helpdesk.db.Migrations;
import mn.miic.helpdesk.lifecycle.InactivitySweep;
import org.jooq.DSLContext;

/**
 * One million accounts in a thousand organizations on a real PostgreSQL server: how long the inactivity sweep takes,
 * and the sign-in API's latency percentiles. A program, not a test: {@code dev/benchmark.sh} runs it (it wipes the
 * database it is given).
 *
 * <p>Settings: {@code DATABASE_URL} (and {@code DATABASE_USER}, {@code DATABASE_PASSWORD}), {@code BENCH_ACCOUNTS}
 * (1000000), {@code BENCH_SIGN_INS} (2000), {@code BENCH_THREADS} (8).
 */
public final class LifecycleBenchmark {

    private static final String PASSWORD = "Bench+Password-2026";
    private static final int ORGANIZATIONS = 1_000;

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        int accounts = Integer.parseInt(env.getOrDefault("BENCH_ACCOUNTS", "1000000"));
        int signIns = Integer.parseInt(env.getOrDefault("BENCH_SIGN_INS", "2000"));
        int threads = Integer.parseInt(env.getOrDefault("BENCH_THREADS", "8"));
        DatabaseUrl url = DatabaseUrl.parse(
                env.getOrDefault("DATABASE_URL", "jdbc:postgresql://localhost:5432/miic_bench"),
                env.get("DATABASE_USER"),
                env.get("DATABASE_PASSWORD"));
        try (Database db = Database.connect(url)) {
            // Wired as Main wires it: the application's clock on the application's database access.
            Application wired = new Application(Config.from(Map.of()), db.dataSource(), Clock.systemUTC());
            DSLContext dsl = wired.dsl();
            say("database: %s (%s)", db.description(), dsl.fetchValue("select version()"));
            dsl.execute("drop schema public cascade");
            dsl.execute("create schema public");
            new Migrations(db.migrationDataSource(), db.runtimeRole()).migrate();

            long t = System.nanoTime();
            seed(dsl, accounts);
            say("seeded %,d accounts in %,d organizations in %.1f s", accounts, ORGANIZATIONS, seconds(t));

            // About a quarter of the accounts were last used 90 to 119 days ago.
            t = System.nanoTime();
            InactivitySweep.Report report =
                    new InactivitySweep(dsl, wired.outbox(), wired.clock(), Duration.ofDays(90)).run();
            say(
                    "inactivity sweep: %,d expired and %,d warned in %,d batches, %.1f s (%,.0f accounts/s)",
                    report.expired(), report.warned(), report.batches(), seconds(t), report.expired() / seconds(t));
            t = System.nanoTime();
            InactivitySweep.Report again =
                    new InactivitySweep(dsl, wired.outbox(), wired.clock(), Duration.ofDays(90)).run();
            say("a second sweep with nothing to do: %,d expired, %.3f s", again.expired(), seconds(t));

            signInLatency(db, accounts, signIns, threads);
        }
    }

    private static void seed(DSLContext dsl, int accounts) {
        String hash = new PasswordHasher().hash(PASSWORD);
        dsl.execute("insert into organization (code, name, kind, dua_date, created_at)"
                + " select 'B' || lpad(g::text, 4, '0'), 'Bench Clinic ' || g, 'CLINIC', current_date, now()"
                + " from generate_series(1, " + ORGANIZATIONS + ") g");
        int perOrg = Math.max(1, accounts / ORGANIZATIONS);
        dsl.execute(
                "insert into account (organization_id, username, first_name, last_name, role, status, locked,"
                        + " password_hash, password_expires_at, last_sign_in_at, created_at, updated_at)"
                        + " select o.id, 'bench' || g, 'First' || g, 'Last' || (g % 997),"
                        + " case when g % 50 = 0 then 'ADMINISTRATOR' else 'TYPICAL_USER' end, 'ACTIVE', false, ?,"
                        + " now() + interval '90 days', now() - (g % 120) * interval '1 day' - interval '1 hour',"
                        + " now() - interval '400 days', now() - interval '400 days'"
                        + " from generate_series(1, " + accounts + ") g"
                        + " join organization o on o.code = 'B' || lpad(((g - 1) / " + perOrg + " + 1)::text, 4, '0')",
                hash);
        dsl.execute("analyze");
    }

    private static void signInLatency(Database db, int accounts, int signIns, int threads) throws Exception {
        Config config = Config.from(
                Map.of("ACCOUNT_API_TOKEN", "bench-token-0123456789abcdef0123456789", "LOG_FORMAT", "text"));
        Application app = new Application(config, db.dataSource(), Clock.systemUTC()).start(0);
        HttpClient http = HttpClient.newHttpClient();
        int perOrg = Math.max(1, accounts / ORGANIZATIONS);
        try {
            // Warm up the JIT and the pool.
            for (int i = 0; i < 50; i++) {
                signIn(http, app.port(), perOrg, activeAccount(accounts), true);
            }
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<long[]>> futures = new ArrayList<>();
            long t = System.nanoTime();
            for (int i = 0; i < signIns; i++) {
                boolean right = i % 5 != 0;
                futures.add(pool.submit(() -> {
                    long start = System.nanoTime();
                    int status = signIn(http, app.port(), perOrg, activeAccount(accounts), right);
                    return new long[] {System.nanoTime() - start, status};
                }));
            }
            List<Long> micros = new ArrayList<>();
            int ok = 0;
            int refused = 0;
            for (Future<long[]> f : futures) {
                long[] r = f.get();
                micros.add(r[0] / 1_000);
                if (r[1] == 200) {
                    ok++;
                } else if (r[1] == 401) {
                    refused++;
                }
            }
            double took = seconds(t);
            pool.shutdown();
            Collections.sort(micros);
            say(
                    "sign-in API: %,d calls (%d signed in, %d wrong password) on %d threads in %.1f s (%.0f/s);"
                            + " latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms",
                    signIns,
                    ok,
                    refused,
                    threads,
                    took,
                    signIns / took,
                    pct(micros, 50),
                    pct(micros, 95),
                    pct(micros, 99),
                    micros.get(micros.size() - 1) / 1000.0);
        } finally {
            app.stop();
        }
    }

    /** An account the sweep left active: last used fewer than 90 days ago. */
    private static int activeAccount(int accounts) {
        while (true) {
            int g = ThreadLocalRandom.current().nextInt(1, accounts + 1);
            if (g % 120 < 85) {
                return g;
            }
        }
    }

    private static int signIn(HttpClient http, int port, int perOrg, int g, boolean right) throws Exception {
        String org = "B" + String.format("%04d", (g - 1) / perOrg + 1);
        String body = "{\"organization_code\":\"" + org + "\",\"username\":\"bench" + g + "\",\"password\":\""
                + (right ? PASSWORD : "Wrong+Password-1") + "\"}";
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/sign-in"))
                                .header("Authorization", "Bearer bench-token")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static double pct(List<Long> sortedMicros, int p) {
        int i = (int) Math.ceil(p / 100.0 * sortedMicros.size()) - 1;
        return sortedMicros.get(Math.max(0, i)) / 1000.0;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void say(String format, Object... args) {
        System.out.println(Instant.now() + "  " + String.format(format, args));
    }
}
