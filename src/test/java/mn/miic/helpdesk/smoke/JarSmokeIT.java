package mn.miic.helpdesk.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import mn.miic.helpdesk.config.DatabaseUrl;
import mn.miic.helpdesk.db.DatabaseClock;
import mn.miic.helpdesk.support.FakeSocketMode;
import mn.miic.helpdesk.support.SlackWorkspace;
import mn.miic.helpdesk.support.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The smoke tier: the packaged jar, started as the README says, against a real PostgreSQL and a fake Slack. What
 * the tests in this JVM cannot see (the jar's own wiring, its clock, its configuration from the environment, its
 * commands) is seen here. The bot's clock is this machine's (plus the database's offset, none on one machine), so
 * Slack's side signs with this machine's time, as Slack would.
 */
class JarSmokeIT {

    private static final Path WORK =
            Path.of("target", "smoke", UUID.randomUUID().toString());

    @BeforeAll
    static void theJarIsBuilt() {
        assertThat(JarProcess.JAR).as("mvn package builds the jar first").exists();
    }

    /** The README's first command, on the embedded PostgreSQL it keeps in MIIC_DATA_DIR, with Slack over HTTP. */
    @Test
    void every_command_and_form_over_http_as_the_readme_runs_it() {
        Map<String, String> database =
                Map.of("MIIC_DATA_DIR", WORK.resolve("http/postgres").toString());
        int port = JarProcess.freePort();
        try (SlackWorkspace workspace = new SlackWorkspace(() -> port, DatabaseClock.MACHINE)) {
            Map<String, String> slack = Map.of("SLACK_SIGNING_SECRET", SlackWorkspace.SIGNING_SECRET);
            walk("http", database, slack, workspace, port, EveryCommandAndForm.SlackSide.overHttp(workspace), () -> {});
        }
    }

    /** The same walk once more over Socket Mode, against a PostgreSQL named by DATABASE_URL. */
    @Test
    void every_command_and_form_over_socket_mode_with_a_database_url() {
        DatabaseUrl url = TestDatabase.emptyUrl();
        Map<String, String> database = new HashMap<>(Map.of(
                "DATABASE_URL",
                url.jdbcUrl(),
                "DATABASE_USER",
                url.user(),
                // With a DATABASE_URL, the key of the passwords waiting in the outbox is a setting.
                "DELIVERY_KEY",
                "q3mVb1o0cJ0xX8yZbC6lK2rN5sT7uW9yA1dF4gH6jK8="));
        if (url.password() != null) {
            database.put("DATABASE_PASSWORD", url.password());
        }
        // As the README says: migrations as the owner role, the bot as the runtime role.
        database.putAll(TestDatabase.migrationSettings());
        int port = JarProcess.freePort();
        try (SlackWorkspace workspace = new SlackWorkspace(() -> port, DatabaseClock.MACHINE);
                FakeSocketMode socket = new FakeSocketMode(workspace, "xapp-1-smoke")) {
            Map<String, String> slack = Map.of("SLACK_APP_TOKEN", "xapp-1-smoke");
            walk(
                    "socket",
                    database,
                    slack,
                    workspace,
                    port,
                    EveryCommandAndForm.SlackSide.overSocket(socket),
                    socket::awaitConnected);
        }
    }

    /** {@code import --demo}, then the bot with these settings, then the walk, then a look at the bot's log. */
    private static void walk(
            String name,
            Map<String, String> database,
            Map<String, String> slack,
            SlackWorkspace workspace,
            int port,
            EveryCommandAndForm.SlackSide side,
            Runnable connected) {
        assertThat(JarProcess.run(database, WORK.resolve(name + "/import.log"), "import", "--demo")
                        .exitCode())
                .isZero();
        Map<String, String> env = new HashMap<>(database);
        env.putAll(slack);
        env.putAll(Map.of(
                "PORT",
                String.valueOf(port),
                "SLACK_BOT_TOKEN",
                "xoxb-smoke",
                "SLACK_API_URL",
                workspace.apiUrl(),
                "HELPDESK_CHANNEL_ID",
                SlackWorkspace.HELPDESK_CHANNEL));
        try (JarProcess bot = JarProcess.start(env, WORK.resolve(name + "/bot.log"))) {
            bot.awaitReady(port);
            connected.run();
            new EveryCommandAndForm(workspace, side).run();
            assertThat(bot.troubles()).as("the bot's log").isEmpty();
        }
    }

    @Test
    void migrate_and_import_are_commands_of_the_jar_and_say_what_they_did() throws Exception {
        Map<String, String> env =
                Map.of("MIIC_DATA_DIR", WORK.resolve("commands/postgres").toString());

        var migrated = JarProcess.run(env, WORK.resolve("commands/migrate.log"), "migrate");
        assertThat(migrated.exitCode()).isZero();
        assertThat(migrated.output()).contains("migration(s) applied now");

        var demo = JarProcess.run(env, WORK.resolve("commands/demo.log"), "import", "--demo");
        assertThat(demo.exitCode()).isZero();
        assertThat(demo.output()).contains("Organizations: 8 created", "Accounts: 16 created");
        var again = JarProcess.run(env, WORK.resolve("commands/demo-again.log"), "import", "--demo");
        assertThat(again.output()).contains("8 unchanged", "16 unchanged");

        Path orgs = WORK.resolve("commands/orgs.csv");
        Path users = WORK.resolve("commands/users.csv");
        Files.writeString(orgs, "code,name,kind,parent_code,dua_date\nSMOKE1,Smoke Clinic,CLINIC,,\n");
        Files.writeString(
                users,
                "org_code,username,first_name,last_name,middle_initial,role,ordering,status,locked,area_code,phone,"
                        + "extension,email,dua_date,last_sign_in\n"
                        + "SMOKE1,ab,Al,Bee,,Typical User,false,Active,false,651,555-0100,,,,\n");
        var bad = JarProcess.run(
                env,
                WORK.resolve("commands/bad.log"),
                "import",
                "--orgs",
                orgs.toString(),
                "--users",
                users.toString());
        assertThat(bad.exitCode()).isOne();
        assertThat(bad.output()).contains("users.csv", "line 2", "Nothing was imported");

        var missing = JarProcess.run(
                env, WORK.resolve("commands/missing.log"), "import", "--orgs", "nope.csv", "--users", "nope.csv");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.output()).contains("Cannot read the file nope.csv");

        var misconfigured = JarProcess.run(
                Map.of("PORT", "three thousand", "INACTIVITY_PERIOD", "90 days"),
                WORK.resolve("commands/misconfigured.log"),
                "serve");
        assertThat(misconfigured.exitCode()).isEqualTo(2);
        assertThat(misconfigured.output()).contains("PORT", "INACTIVITY_PERIOD").doesNotContain("Exception");

        var keyless = JarProcess.run(
                Map.of("DATABASE_URL", "jdbc:postgresql://localhost:1/nowhere"),
                WORK.resolve("commands/keyless.log"),
                "serve");
        assertThat(keyless.exitCode()).isEqualTo(2);
        assertThat(keyless.output()).contains("DELIVERY_KEY", "openssl rand -base64 32");

        // One role for both, and a server that is not there: the warning, then one plain line.
        var unreachable = JarProcess.run(
                Map.of(
                        "DATABASE_URL",
                        "jdbc:postgresql://localhost:1/nowhere?password=hunter2",
                        "DELIVERY_KEY",
                        "q3mVb1o0cJ0xX8yZbC6lK2rN5sT7uW9yA1dF4gH6jK8="),
                WORK.resolve("commands/unreachable.log"),
                "migrate");
        assertThat(unreachable.exitCode()).isEqualTo(1);
        assertThat(unreachable.output())
                .contains("DATABASE_MIGRATION_USER is not set", "only as safe as that role")
                .contains("Cannot prepare the database (PostgreSQL at jdbc:postgresql://localhost:1/nowhere")
                .doesNotContain("hunter2")
                .doesNotContain("\tat ");
    }
}
