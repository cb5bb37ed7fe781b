package mn.miic.helpdesk.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import mn.miic.helpdesk.Application;
import mn.miic.helpdesk.accounts.access.Reach;
import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.accounts.password.PasswordHasher;
import mn.miic.helpdesk.accounts.store.AccountRepository;
import mn.miic.helpdesk.accounts.store.AccountSearch;
import mn.miic.helpdesk.accounts.store.StatusFilter;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.config.Config;
import mn.miic.helpdesk.config.DatabaseUrl;
import mn.miic.helpdesk.db.Database;
import mn.miic.helpdesk.db.Migrations;
import mn.miic.helpdesk.lifecycle.InactivitySweep;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * One million accounts in a thousand clinics under twenty health systems, on a real PostgreSQL server. Each figure is
 * printed beside its floor, measured in the same run on the same data, and the ratio:
 *
 * <ul>
 *   <li>the inactivity sweep beside one hand-written set-based statement per batch doing the same work (expiries,
 *       warnings, their audit rows and every notice owed), each on its own copy of the seeded database;
 *   <li>an administrator's unlock while the sweep runs, beside the same unlock with nothing else running;
 *   <li>the sign-in API at saturation beside {@code cores / one Argon2id check in this JVM}, and at a constant 20 a
 *       second spread over accounts beside one check; one check beside native Argon2id (Debian's {@code argon2});
 *   <li>the MIIC-wide search (the help desk's and a Health System User's) beside the unique-username lookup.
 * </ul>
 *
 * <p>A program, not a test: {@code dev/benchmark.sh} runs it. It needs a role that may create databases; it makes
 * {@code <db>_seed}, {@code <db>_floor} and {@code <db>_sweep} next to the database it is given, and drops them.
 * Settings: {@code DATABASE_URL}, {@code DATABASE_USER}, {@code DATABASE_PASSWORD}, {@code BENCH_ACCOUNTS} (1000000),
 * {@code BENCH_PARTS} (sweep,search,sign-in), {@code BENCH_SEED=keep} (keep the seed for the next run).
 */
public final class LifecycleBenchmark {

    static final String PASSWORD = "Bench+Password-2026";
    private static final int CLINICS = 1_000;
    private static final int HEALTH_SYSTEMS = 20;
    private static final Duration PERIOD = Duration.ofDays(90);
    private static final String[] FIRST = {
        "Maria", "James", "Linda", "Robert", "Patricia", "John", "Jennifer", "Michael", "Elizabeth", "David",
        "Barbara", "William", "Susan", "Richard", "Jessica", "Joseph", "Sarah", "Thomas", "Karen", "Charles",
        "Lisa", "Christopher", "Nancy", "Daniel", "Betty", "Matthew", "Margaret", "Anthony", "Sandra", "Mark",
        "Ashley", "Donald", "Kimberly", "Steven", "Emily", "Paul", "Donna", "Andrew", "Michelle", "Joshua",
        "Amina", "Abdi", "Fatuma", "Hodan", "Mai", "Pa", "Tou", "Xia", "Ingrid", "Lars"
    };
    private static final String[] LAST = {
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
        "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
        "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
        "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores",
        "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts",
        "Olson", "Peterson", "Larson", "Swanson", "Hanson", "Johnston", "Lindquist", "Bergstrom", "Nyberg", "Vang",
        "Xiong", "Yang", "Lor", "Moua", "Thao", "Her", "Lee-Vang", "Hassan", "Mohamed", "Ali",
        "Ahmed", "Abdullahi", "Warsame", "Jama", "Farah", "Kowalski", "Nowak", "Schmidt", "Schneider", "Fischer",
        "Weber", "Becker", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schroeder", "Neumann", "Schwarz",
        "Zimmerman", "Braun", "Kruger", "Hofmann", "Hartmann", "Lange", "Werner", "Krause", "Lehmann", "Kaiser"
    };

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        int accounts = Integer.parseInt(env.getOrDefault("BENCH_ACCOUNTS", "1000000"));
        DatabaseUrl given = DatabaseUrl.parse(
                env.getOrDefault("DATABASE_URL", "jdbc:postgresql://localhost:5432/miic_bench"),
                env.get("DATABASE_USER"),
                env.get("DATABASE_PASSWORD"));
        Copies copies = new Copies(given);
        // Parts may be run alone; a kept seed (BENCH_SEED=keep) is reused by the next run of the same size.
        List<String> parts =
                List.of(env.getOrDefault("BENCH_PARTS", "sweep,search,sign-in").split(","));
        boolean keep = "keep".equals(env.get("BENCH_SEED"));
        say("machine: %d cores, Java %s", cores(), Runtime.version());

        DatabaseUrl seedUrl = keep ? copies.kept("seed") : copies.fresh("seed");
        try (Database db = Database.connect(seedUrl)) {
            DSLContext dsl = DSL.using(db.dataSource(), org.jooq.SQLDialect.POSTGRES);
            say("database: %s", dsl.fetchValue("select version()"));
            new Migrations(db.migrationDataSource(), db.runtimeRole()).migrate();
            int there = dsl.fetchCount(DSL.table("account"));
            if (there != accounts + 2 * HEALTH_SYSTEMS) { // the clinics' people and two HSUs per system
                dsl.execute("truncate account, organization cascade");
                long t = System.nanoTime();
                seed(dsl, accounts);
                say(
                        "seeded %,d accounts in %,d clinics under %d health systems in %.0f s",
                        accounts, CLINICS, HEALTH_SYSTEMS, seconds(t));
            } else {
                dsl.execute("analyze");
                say("the kept seed: %,d accounts", there);
            }
        }
        try {
            if (parts.contains("sweep")) {
                sweep(copies);
            }
            if (parts.contains("search") || parts.contains("sign-in")) {
                // On a copy: the sign-ins write, and a kept seed stays as it was seeded.
                try (Database db = Database.connect(copies.copyOfSeed("reads"))) {
                    Application wired = new Application(config(), db.dataSource(), Clock.systemUTC());
                    if (parts.contains("search")) {
                        quiet(wired.dsl());
                        search(wired.dsl());
                    }
                    if (parts.contains("sign-in")) {
                        quiet(wired.dsl());
                        signIn(db, accounts);
                    }
                }
            }
        } finally {
            copies.dropAll();
        }
        System.exit(0);
    }

    /**
     * Each part measured on a quiet server: what the part before it left to write (the sweep dirties a million rows'
     * pages) is written out first, not by the checkpointer in the middle of the next part.
     */
    private static void quiet(DSLContext dsl) {
        try {
            dsl.execute("checkpoint");
        } catch (org.jooq.exception.DataAccessException e) {
            say("(no checkpoint between parts: the role is not in pg_checkpoint)");
        }
    }

    /** The sweep and its floor, each on a copy of the seed; then unlocks during the sweep beside unlocks alone. */
    private static void sweep(Copies copies) throws Exception {
        Instant now = Instant.now();
        Counts floor;
        double floorSeconds;
        double floorExpiring;
        try (Database db = Database.connect(copies.copyOfSeed("floor"))) {
            DSLContext dsl = DSL.using(db.dataSource(), org.jooq.SQLDialect.POSTGRES);
            long t = System.nanoTime();
            floorExpiring = SweepFloor.run(dsl, now, PERIOD).toMillis() / 1000.0;
            floorSeconds = seconds(t);
            floor = Counts.of(dsl);
        }
        copies.drop("floor");
        try (Database db = Database.connect(copies.copyOfSeed("sweep"))) {
            Application wired = new Application(config(), db.dataSource(), Clock.systemUTC());
            Unlocks unlocks = new Unlocks(wired);
            List<Long> quiet = unlocks.run(40, 50, new AtomicBoolean(true));
            AtomicBoolean sweeping = new AtomicBoolean(true);
            CompletableFuture<List<Long>> during =
                    CompletableFuture.supplyAsync(() -> unlocks.run(Integer.MAX_VALUE, 50, sweeping));
            long t = System.nanoTime();
            InactivitySweep.Report report =
                    new InactivitySweep(wired.dsl(), wired.outbox(), wired.clock(), PERIOD).run();
            double sweepSeconds = seconds(t);
            sweeping.set(false);
            List<Long> unlockMicros = during.get();
            Counts sweep = Counts.of(wired.dsl());

            say("");
            say(
                    "== inactivity sweep (%,d expired and %,d warned in %,d batches)",
                    report.expired(), report.warned(), report.batches());
            say("   floor (one statement per batch): %6.1f s   %s", floorSeconds, floor);
            say("   the sweep                      : %6.1f s   %s", sweepSeconds, sweep);
            say(
                    "   ratio sweep/floor: %.2fx (target <= 1.5x); the same rows: %s",
                    sweepSeconds / floorSeconds, sweep.equals(floor) ? "yes" : "NO");
            // The two halves apart: the expiries, and the warnings (whose claim is the same query in both).
            double expiring = report.expiring().toMillis() / 1000.0;
            say(
                    "   expiries %.1f s beside %.1f s (%.2fx); warnings %.1f s beside %.1f s (%.2fx)",
                    expiring,
                    floorExpiring,
                    expiring / floorExpiring,
                    sweepSeconds - expiring,
                    floorSeconds - floorExpiring,
                    (sweepSeconds - expiring) / (floorSeconds - floorExpiring));
            say("== an administrator's unlock (the use case, its transaction and audit row)");
            say("   floor (nothing else running): %s", Stats.of(quiet));
            say("   while the sweep runs        : %s", Stats.of(unlockMicros));
            say(
                    "   worst while the sweep runs: %.1f ms (target <= 200 ms)",
                    Stats.of(unlockMicros).max());
        }
        copies.drop("sweep");
    }

    static Config config() {
        return Config.from(Map.of("ACCOUNT_API_TOKEN", "bench-token-0123456789abcdef0123456789", "LOG_FORMAT", "text"));
    }

    /** The seeded people, computable from their number: {@code g} from 1 to the number of accounts. */
    static String username(int g) {
        String last = LAST[(g / FIRST.length) % LAST.length].replace("-", "").toLowerCase();
        return last.substring(0, Math.min(4, last.length()))
                + FIRST[g % FIRST.length].toLowerCase().charAt(0)
                + g;
    }

    static String clinicCode(int g, int perClinic) {
        return "B" + String.format("%04d", (g - 1) / perClinic + 1);
    }

    private static void seed(DSLContext dsl, int accounts) {
        String hash = new PasswordHasher().hash(PASSWORD);
        dsl.execute("insert into organization (code, name, kind, dua_date, created_at)"
                + " select 'H' || lpad(g::text, 3, '0'), 'Bench Health ' || g, 'HEALTH_SYSTEM', current_date, now()"
                + " from generate_series(1, " + HEALTH_SYSTEMS + ") g");
        dsl.execute("insert into organization (code, name, kind, parent_id, dua_date, created_at)"
                + " select 'B' || lpad(g::text, 4, '0'), 'Bench Clinic ' || g, 'CLINIC',"
                + " (select id from organization where code = 'H' || lpad(((g - 1) / "
                + (CLINICS / HEALTH_SYSTEMS) + " + 1)::text, 3, '0')), current_date, now()"
                + " from generate_series(1, " + CLINICS + ") g");
        int perClinic = Math.max(1, accounts / CLINICS);
        // Names as the Java above computes them; a quarter last used 90 to 119 days ago; one in fifty an
        // administrator; one in a thousand locked after five wrong passwords.
        dsl.execute(
                "insert into account (organization_id, username, first_name, last_name, email, role, status, locked,"
                        + " failed_sign_ins, password_hash, password_expires_at, last_sign_in_at, created_at,"
                        + " updated_at)"
                        + " select o.id, u.username, u.first_name, u.last_name,"
                        + " u.username || '@clinic' || o.id || '.example.org',"
                        + " case when g % 50 = 0 then 'ADMINISTRATOR' else 'TYPICAL_USER' end, 'ACTIVE',"
                        + " g % 1000 = 7, case when g % 1000 = 7 then 5 else 0 end, ?,"
                        + " now() + interval '90 days', now() - (g % 120) * interval '1 day' - interval '1 hour',"
                        + " now() - interval '400 days', now() - interval '400 days'"
                        + " from generate_series(1, " + accounts + ") g"
                        + " cross join lateral (select f.n as first_name, l.n as last_name,"
                        + "   lower(left(replace(l.n, '-', ''), 4) || left(f.n, 1)) || g as username"
                        + "   from (select (?::text[])[g % ? + 1] n) f, (select (?::text[])[(g / ?) % ? + 1] n) l) u"
                        + " join organization o on o.code = 'B' || lpad(((g - 1) / " + perClinic
                        + " + 1)::text, 4, '0')",
                hash,
                FIRST,
                FIRST.length,
                LAST,
                FIRST.length,
                LAST.length);
        // Two Health System Users per health system: the sweep's reports go to them too.
        dsl.execute(
                "insert into account (organization_id, username, first_name, last_name, role, status, locked,"
                        + " password_hash, password_expires_at, last_sign_in_at, created_at, updated_at)"
                        + " select o.id, 'hsu' || o.id || '_' || k, 'Hedda', 'Systems', 'HEALTH_SYSTEM_USER', 'ACTIVE', false,"
                        + " ?, now() + interval '90 days', now() - interval '2 days', now() - interval '400 days',"
                        + " now() - interval '400 days'"
                        + " from organization o cross join generate_series(1, 2) k where o.kind = 'HEALTH_SYSTEM'",
                hash);
        dsl.execute("vacuum analyze");
    }

    /** What the sweep (or its floor) wrote: compared row for row in kind. */
    record Counts(int expired, int audit, Map<String, Integer> outbox, int warnings) {
        static Counts of(DSLContext dsl) {
            Map<String, Integer> outbox = new java.util.TreeMap<>();
            // The unlocks timed during the sweep owe their own notices (ChangeNotice): not the sweep's.
            dsl.fetch("select kind, count(*) from outbox_message where kind <> 'ChangeNotice' group by kind")
                    .forEach(r -> outbox.put(r.get(0, String.class), r.get(1, Integer.class)));
            return new Counts(
                    dsl.fetchSingle("select count(*) from account where status = 'INACTIVE_EXPIRED'")
                            .get(0, Integer.class),
                    dsl.fetchSingle("select count(*) from audit_event where action in"
                                    + " ('EXPIRE_INACTIVE', 'INACTIVITY_WARNING')")
                            .get(0, Integer.class),
                    outbox,
                    dsl.fetchSingle("select count(*) from inactivity_warning").get(0, Integer.class));
        }

        @Override
        public String toString() {
            return String.format(
                    "%,d expired, %,d audit rows, %,d warnings, outbox %s", expired, audit, warnings, outbox);
        }
    }

    /** An administrator of each clinic unlocks its locked accounts one after another, one every {@code everyMs}. */
    static final class Unlocks {
        private final Application app;
        private final List<String[]> targets; // {administrator id, username}
        private int next;

        Unlocks(Application app) {
            this.app = app;
            // A clinic's administrator who will not be expired by the sweep, and its locked accounts (a quarter of
            // which the sweep expires while it runs).
            this.targets = app
                    .dsl()
                    .fetch("select (select a.id from account a where a.organization_id = l.organization_id"
                            + "   and a.role = 'ADMINISTRATOR' and a.status = 'ACTIVE' and not a.locked"
                            + "   and a.last_sign_in_at > now() - interval '80 days' order by a.id limit 1),"
                            + " l.username from account l where l.locked order by l.organization_id desc")
                    .stream()
                    .filter(r -> r.get(0) != null)
                    .map(r -> new String[] {String.valueOf(r.get(0)), r.get(1, String.class)})
                    .toList();
        }

        List<Long> run(int max, long everyMs, AtomicBoolean whileTrue) {
            List<Long> micros = new ArrayList<>();
            for (int i = 0; i < max && whileTrue.get() && next < targets.size(); i++) {
                String[] t = targets.get(next++);
                long start = System.nanoTime();
                try {
                    app.accounts().unlock().execute(Actor.account(Long.parseLong(t[0])), t[1]);
                } catch (Refusal refused) {
                    // Timed all the same: a refusal is an answer, and its audit row is written too.
                }
                micros.add((System.nanoTime() - start) / 1_000);
                sleep(everyMs);
            }
            return micros;
        }
    }

    /** 600 searches: 100 of each kind, in turn. */
    private static List<String> typed(ThreadLocalRandom random) {
        List<String> typed = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String last = LAST[random.nextInt(LAST.length)];
            String first = FIRST[random.nextInt(FIRST.length)];
            int g = random.nextInt(1, 1_000_000);
            typed.add(last); // a whole last name (1 in 100 of everyone)
            typed.add(last.substring(0, 3)); // its first letters
            typed.add(first + " " + last); // both names
            typed.add(username(g)); // a username
            typed.add(username(g) + "@clinic"); // the start of an email
            typed.add(misspell(last)); // a misspelling: fuzzy
        }
        return typed;
    }

    private static void search(DSLContext dsl) {
        AccountSearch search = new AccountSearch(dsl);
        AccountRepository accounts = new AccountRepository(dsl);
        var hs = dsl.fetch("select id from organization where parent_id = (select id from organization"
                        + " where code = 'H007') or code = 'H007'")
                .map(r -> r.get(0, Long.class));
        Reach healthSystem = Reach.of(new java.util.HashSet<>(hs));
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<String> typed = typed(random);
        // A help desk searches all day: the indexes are in memory. Warm them with as many other searches first.
        for (String text : typed(random)) {
            search.everywhere(Reach.EVERYTHING, text, StatusFilter.ACTIVE, 0, 10);
            search.everywhere(healthSystem, text, StatusFilter.ACTIVE, 0, 10);
            accounts.findByUsername(username(random.nextInt(1, 1_000_000)));
        }
        List<Long> floor = new ArrayList<>();
        List<Long> everywhere = new ArrayList<>();
        String[] kinds = {
            "a last name",
            "its first three letters",
            "first and last name",
            "a username",
            "an email's start",
            "a misspelled last name (fuzzy)"
        };
        List<List<Long>> byKind = new ArrayList<>();
        for (String kind : kinds) {
            byKind.add(new ArrayList<>());
        }
        List<Long> inHealthSystem = new ArrayList<>();
        for (int i = 0; i < typed.size(); i++) {
            String text = typed.get(i);
            long t = System.nanoTime();
            accounts.findByUsername(username(random.nextInt(1, 1_000_000)));
            floor.add((System.nanoTime() - t) / 1_000);
            t = System.nanoTime();
            search.everywhere(Reach.EVERYTHING, text, i % 3 == 0 ? StatusFilter.ALL : StatusFilter.ACTIVE, 0, 10);
            long took = (System.nanoTime() - t) / 1_000;
            everywhere.add(took);
            byKind.get(i % kinds.length).add(took);
            t = System.nanoTime();
            search.everywhere(healthSystem, text, StatusFilter.ACTIVE, 0, 10);
            inHealthSystem.add((System.nanoTime() - t) / 1_000);
        }
        say(
                "== MIIC-wide search at %,d accounts: %d searches of each kind typed (a page of ten and the count)",
                dsl.fetchCount(DSL.table("account")), typed.size());
        say("   floor (one account by its unique username): %s", Stats.of(floor));
        say("   the help desk, all of MIIC                : %s", Stats.of(everywhere));
        for (int k = 0; k < kinds.length; k++) {
            say("     typed %-31s: %s", kinds[k], Stats.of(byKind.get(k)));
        }
        say("   a Health System User, 51 organizations    : %s", Stats.of(inHealthSystem));
        say(
                "   p95 all of MIIC: %.1f ms (target <= 10 ms), %.1fx the floor",
                Stats.of(everywhere).p95(),
                Stats.of(everywhere).p95() / Stats.of(floor).p95());
    }

    private static String misspell(String name) {
        String n = name.toLowerCase();
        int i = 1 + ThreadLocalRandom.current().nextInt(Math.max(1, n.length() - 2));
        // Two letters swapped, as fingers do.
        return n.substring(0, i) + n.charAt(i + 1) + n.charAt(i) + n.substring(i + 2);
    }

    private static void signIn(Database db, int accounts) throws Exception {
        PasswordHasher hasher = new PasswordHasher();
        String hash = hasher.hash(PASSWORD);
        for (int i = 0; i < 40; i++) {
            hasher.matches(PASSWORD, hash); // until the JIT has compiled it
        }
        List<Long> check = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long t = System.nanoTime();
            hasher.matches(PASSWORD, hash);
            check.add((System.nanoTime() - t) / 1_000);
        }
        double oneCheckMs = Stats.of(check).p50();
        // Argon2id's 19 MiB per check contend for memory bandwidth: what the cores sustain checking and nothing else.
        double parallelPerSecond = parallelChecks(hasher, hash, cores(), 10);
        List<Double> nativeMs = NativeArgon2.checks(20);

        Application app = new Application(config(), db.dataSource(), Clock.systemUTC()).start(0);
        HttpClient http = HttpClient.newBuilder()
                .executor(Executors.newFixedThreadPool(16))
                .build();
        int perClinic = Math.max(1, accounts / CLINICS);
        try {
            for (int i = 0; i < 100; i++) {
                signIn(http, app.port(), perClinic, activeAccount(accounts)).get();
            }
            // Saturation: more callers than cores, each calling again as soon as answered, for 20 seconds.
            int callers = 2 * cores();
            ExecutorService pool = Executors.newFixedThreadPool(callers);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            List<java.util.concurrent.Future<int[]>> done = new ArrayList<>();
            long t = System.nanoTime();
            for (int c = 0; c < callers; c++) {
                done.add(pool.submit(() -> {
                    int ok = 0;
                    int busy = 0;
                    while (System.nanoTime() < until) {
                        int status = signIn(http, app.port(), perClinic, activeAccount(accounts))
                                .get();
                        if (status == 200 || status == 401) {
                            ok++;
                        } else {
                            busy++;
                        }
                    }
                    return new int[] {ok, busy};
                }));
            }
            int ok = 0;
            int busy = 0;
            for (var f : done) {
                ok += f.get()[0];
                busy += f.get()[1];
            }
            double took = seconds(t);
            pool.shutdown();
            double perSecond = ok / took;
            double floorPerSecond = cores() * 1000.0 / oneCheckMs;

            // A constant 20 a second, open loop: each call timed from when it was due.
            List<Long> paced = paced(http, app.port(), perClinic, accounts, 20, 600);
            Stats p = Stats.of(paced);
            Stats nat = Stats.ofMs(nativeMs);
            say("== sign-in API (POST /api/v1/sign-in; Argon2id 19 MiB, t=2, p=1)");
            say(
                    "   one check in this JVM (password4j): p50 %.1f ms;  native libargon2 (Debian's argon2): p50 %.1f ms"
                            + " (native/JVM %.2fx)",
                    oneCheckMs, nat.p50(), nat.p50() / oneCheckMs);
            say(
                    "   saturation, %d callers for %.0f s: %.1f sign-ins a second (%d busy answers); floor cores/check"
                            + " = %.1f a second; ratio %.2fx (target >= 0.8x)",
                    callers, took, perSecond, busy, floorPerSecond, perSecond / floorPerSecond);
            say(
                    "   the cores checking and doing nothing else (%d threads): %.1f checks a second; sign-in / that: %.2fx",
                    cores(), parallelPerSecond, perSecond / parallelPerSecond);
            say("   20 a second over random accounts, from when each was due: %s", p);
            say("   p99 / one check: %.2fx (target <= 3x)", p.p99() / oneCheckMs);
        } finally {
            app.stop();
        }
    }

    private static double parallelChecks(PasswordHasher hasher, String hash, int threads, int seconds)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long t = System.nanoTime();
        List<java.util.concurrent.Future<Integer>> done = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            done.add(pool.submit(() -> {
                int n = 0;
                while (System.nanoTime() < until) {
                    hasher.matches(PASSWORD, hash);
                    n++;
                }
                return n;
            }));
        }
        int checks = 0;
        for (var f : done) {
            checks += f.get();
        }
        pool.shutdown();
        return checks / seconds(t);
    }

    private static List<Long> paced(HttpClient http, int port, int perClinic, int accounts, int rate, int count)
            throws Exception {
        long start = System.nanoTime() + 100_000_000L;
        long every = 1_000_000_000L / rate;
        List<CompletableFuture<Long>> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long due = start + i * every;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            all.add(signIn(http, port, perClinic, activeAccount(accounts))
                    .thenApply(status -> (System.nanoTime() - due) / 1_000));
        }
        List<Long> micros = new ArrayList<>();
        for (var f : all) {
            micros.add(f.get(60, TimeUnit.SECONDS));
        }
        return micros;
    }

    /** An account the sweep left active and unlocked: last used fewer than 90 days ago. */
    private static int activeAccount(int accounts) {
        while (true) {
            int g = ThreadLocalRandom.current().nextInt(1, accounts + 1);
            if (g % 120 < 85 && g % 1000 != 7) {
                return g;
            }
        }
    }

    private static CompletableFuture<Integer> signIn(HttpClient http, int port, int perClinic, int g) {
        boolean right = g % 5 != 0;
        String body = "{\"organization_code\":\"" + clinicCode(g, perClinic) + "\",\"username\":\"" + username(g)
                + "\",\"password\":\"" + (right ? PASSWORD : "Wrong+Password-1") + "\"}";
        return http.sendAsync(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/sign-in"))
                                .header("Authorization", "Bearer bench-token-0123456789abcdef0123456789")
                                // The sign-in page forwards each person's address: the back-off is per person.
                                .header(
                                        "X-Forwarded-For",
                                        "10." + (g >> 16 & 255) + "." + (g >> 8 & 255) + "." + (g & 255))
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .thenApply(HttpResponse::statusCode);
    }

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static void say(String format, Object... args) {
        System.out.println(OffsetDateTime.now(ZoneOffset.UTC).toLocalTime() + "  " + String.format(format, args));
    }

    /** Percentiles of microsecond timings, in milliseconds (nearest rank). */
    record Stats(int n, double p50, double p95, double p99, double max) {
        static Stats of(List<Long> micros) {
            if (micros.isEmpty()) {
                return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            List<Long> s = new ArrayList<>(micros);
            Collections.sort(s);
            return new Stats(s.size(), at(s, 0.50), at(s, 0.95), at(s, 0.99), s.get(s.size() - 1) / 1000.0);
        }

        static Stats ofMs(List<Double> ms) {
            return of(ms.stream().map(m -> (long) (m * 1000)).toList());
        }

        /** The nearest-rank percentile of sorted microseconds, in milliseconds. */
        static double at(List<Long> sorted, double q) {
            return sorted.get(Math.max(0, (int) Math.ceil(q * sorted.size()) - 1)) / 1000.0;
        }

        @Override
        public String toString() {
            return String.format("n=%d  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms", n, p50, p95, p99, max);
        }
    }
}
