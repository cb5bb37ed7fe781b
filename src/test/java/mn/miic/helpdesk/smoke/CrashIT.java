package mn.miic.helpdesk.smoke;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static mn.miic.helpdesk.db.jooq.Tables.ACCOUNT;
import static mn.miic.helpdesk.db.jooq.Tables.AUDIT_EVENT;
import static mn.miic.helpdesk.db.jooq.Tables.HELP_REQUEST_MESSAGE;
import static mn.miic.helpdesk.db.jooq.Tables.OUTBOX_MESSAGE;
import static mn.miic.helpdesk.support.BlockKit.readJson;
import static mn.miic.helpdesk.support.BlockKit.textOf;
import static mn.miic.helpdesk.support.BlockKit.valueOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mn.miic.helpdesk.accounts.password.PasswordHasher;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.config.DatabaseUrl;
import mn.miic.helpdesk.db.DatabaseClock;
import mn.miic.helpdesk.slack.Ids;
import mn.miic.helpdesk.support.BlockKit;
import mn.miic.helpdesk.support.SlackWorkspace;
import mn.miic.helpdesk.support.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * The packaged bot killed (SIGKILL, not a thread) after it committed what it owes and before Slack took it, then
 * started again: what it owed is delivered exactly once, or, past its deadline, undone and the administrator told;
 * never both, never neither. Slack is made to fail (503) until the kill, so the kill lands in that window for sure.
 */
class CrashIT {

    private static final Path WORK = Path.of("target", "smoke", "crash-" + UUID.randomUUID());
    private static final String KEY = "q3mVb1o0cJ0xX8yZbC6lK2rN5sT7uW9yA1dF4gH6jK8=";
    private static final Pattern PASSWORD = Pattern.compile("Temporary password: `([^`]+)`");

    private final DatabaseUrl url = TestDatabase.emptyUrl();
    private final DSLContext db = DSL.using(url.jdbcUrl(), url.user(), url.password() == null ? "" : url.password());
    private final int port = JarProcess.freePort();

    private Map<String, String> env(SlackWorkspace workspace, String deadline) {
        Map<String, String> env = new HashMap<>(Map.of(
                "DATABASE_URL",
                url.jdbcUrl(),
                "DATABASE_USER",
                url.user(),
                "DELIVERY_KEY",
                KEY,
                "DELIVERY_DEADLINE",
                deadline,
                "PORT",
                String.valueOf(port),
                "SLACK_BOT_TOKEN",
                "xoxb-crash",
                "SLACK_SIGNING_SECRET",
                SlackWorkspace.SIGNING_SECRET,
                "SLACK_API_URL",
                workspace.apiUrl()));
        if (url.password() != null) {
            env.put("DATABASE_PASSWORD", url.password());
        }
        env.putAll(TestDatabase.migrationSettings());
        return env;
    }

    @Test
    void a_reset_whose_bot_was_killed_before_its_dm_is_delivered_once_after_the_restart() {
        try (SlackWorkspace workspace = new SlackWorkspace(() -> port, DatabaseClock.MACHINE)) {
            Map<String, String> env = env(workspace, "PT5M");
            String confirmation = resetWhileSlackIsDown(workspace, env, "a");

            // Slack is back; the bot starts again on the same database and key.
            try (JarProcess again = JarProcess.start(env, WORK.resolve("a/after.log"))) {
                again.awaitReady(port);
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> !delivered(workspace, "U0LONE").isEmpty());
                assertThat(textOf(workspace.reply(confirmation, 2))).contains("sent by DM to", "Lone Star");
                assertThat(again.troubles()).isEmpty();
            }

            List<String> dms = delivered(workspace, "U0LONE");
            assertThat(dms).as("one DM with the password, and only one").hasSize(1);
            Matcher password = PASSWORD.matcher(dms.get(0));
            assertThat(password.find()).isTrue();
            String hash = db.select(ACCOUNT.PASSWORD_HASH)
                    .from(ACCOUNT)
                    .where(ACCOUNT.USERNAME.eq("lonestar"))
                    .fetchSingle(ACCOUNT.PASSWORD_HASH);
            assertThat(new PasswordHasher().matches(password.group(1), hash))
                    .as("the password delivered is the one the account has")
                    .isTrue();
            assertThat(undos()).isZero();
            assertThat(db.fetchCount(OUTBOX_MESSAGE, OUTBOX_MESSAGE.SECRET.isNotNull()))
                    .isZero();
        }
    }

    @Test
    void past_its_deadline_it_is_undone_instead_and_the_administrator_told() {
        try (SlackWorkspace workspace = new SlackWorkspace(() -> port, DatabaseClock.MACHINE)) {
            Map<String, String> env = env(workspace, "PT3S");
            StubMapping down = slackDown(workspace);
            String confirmation = resetWhileSlackIsDown(workspace, env, "b", down);

            try (JarProcess again = JarProcess.start(env, WORK.resolve("b/after.log"))) {
                again.awaitReady(port);
                await().atMost(Duration.ofSeconds(30)).until(() -> undos() == 1);
                workspace.slack.removeStub(down);
                assertThat(textOf(workspace.reply(confirmation, 2))).contains("could not deliver", "still works");
            }
            assertThat(delivered(workspace, "U0LONE")).as("never both").isEmpty();
            assertThat(db.fetchCount(OUTBOX_MESSAGE, OUTBOX_MESSAGE.SECRET.isNotNull()))
                    .isZero();
        }
    }

    @Test
    void a_request_whose_bot_was_killed_before_its_dms_reaches_every_approver_once_after_the_restart() {
        try (SlackWorkspace workspace = new SlackWorkspace(() -> port, DatabaseClock.MACHINE)) {
            Map<String, String> env = env(workspace, "PT5M");
            importDemo(env, "c");
            workspace.slackProfile("U0BRUCE", "bruce.wayne@northstar.example.org");
            workspace.slackProfile("U0CLARK", "clark.kent@northstar.example.org");
            workspace.slackProfile("U0BARBARA", "barbara.gordon@northstar.example.org");
            // Slack answers slowly, and 503: the bot is killed in the middle of an attempt, holding its lease.
            StubMapping down = workspace.slack.stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
                    .atPriority(1)
                    .willReturn(aResponse().withStatus(503).withFixedDelay(4_000)));
            JarProcess bot = JarProcess.start(env, WORK.resolve("c/before.log"));
            bot.awaitReady(port);
            // Duluth's administrator and the health system's user link themselves; then Barbara, locked out, asks.
            workspace.reply(workspace.command("U0BRUCE", "whoami"));
            workspace.reply(workspace.command("U0CLARK", "whoami"));
            workspace.reply(workspace.command("U0BARBARA", "request unlock back from vacation"));
            var toApprover = OUTBOX_MESSAGE.KIND.eq("RequestToApprover");
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> db.fetchCount(OUTBOX_MESSAGE, toApprover.and(OUTBOX_MESSAGE.LAST_ERROR.isNotNull()))
                                    == 2
                            && db.fetchCount(OUTBOX_MESSAGE, toApprover.and(OUTBOX_MESSAGE.LEASED_UNTIL.isNotNull()))
                                    > 0);
            bot.kill();
            assertThat(db.fetchCount(OUTBOX_MESSAGE, toApprover.and(OUTBOX_MESSAGE.LEASED_UNTIL.isNotNull())))
                    .as("killed holding a lease (for two minutes): its next life takes it back at once")
                    .isPositive();
            workspace.slack.removeStub(down);

            try (JarProcess again = JarProcess.start(env, WORK.resolve("c/after.log"))) {
                again.awaitReady(port);
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> taken(workspace, "U0BRUCE", "Barbara Gordon")
                                                .size()
                                        == 1
                                && taken(workspace, "U0CLARK", "Barbara Gordon").size() == 1
                                && db.fetchCount(HELP_REQUEST_MESSAGE) == 2);
                Thread.sleep(2_000); // the scheduled run comes by again: still once each
                assertThat(again.troubles()).isEmpty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            assertThat(taken(workspace, "U0BRUCE", "Barbara Gordon"))
                    .as("Bruce asked once")
                    .hasSize(1);
            assertThat(taken(workspace, "U0CLARK", "Barbara Gordon"))
                    .as("Clark asked once")
                    .hasSize(1);
        }
    }

    @Test
    void the_sweeps_notices_outlive_a_bot_killed_before_it_could_send_them() {
        try (SlackWorkspace workspace = new SlackWorkspace(() -> port, DatabaseClock.MACHINE)) {
            Map<String, String> env = new HashMap<>(env(workspace, "PT5M"));
            env.put("SWEEP_EVERY", "PT2S"); // the schedule is kept in the database: a restart does not run it early
            importDemo(env, "d");
            workspace.slackProfile("U0MINNIE", "minnie.mouse@email.com");
            workspace.slackProfile("U0LONE", "lone.star@example.org");
            JarProcess first = JarProcess.start(env, WORK.resolve("d/first.log"));
            first.awaitReady(port);
            workspace.reply(workspace.command("U0MINNIE", "whoami"));
            workspace.reply(workspace.command("U0LONE", "whoami"));
            first.close();
            // Lone Star has not signed in for 100 days; the bot starts with Slack down, and its sweep runs at once.
            db.execute("update account set last_sign_in_at = now() - interval '100 days' where username = 'lonestar'");
            StubMapping down = slackDown(workspace);
            JarProcess bot = JarProcess.start(env, WORK.resolve("d/before.log"));
            bot.awaitReady(port);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> db.fetchCount(
                                    OUTBOX_MESSAGE,
                                    OUTBOX_MESSAGE
                                            .KIND
                                            .in("AccountExpired", "ExpiredAccountsReport")
                                            .and(OUTBOX_MESSAGE.LAST_ERROR.isNotNull()))
                            == 2);
            bot.kill();
            workspace.slack.removeStub(down);

            try (JarProcess again = JarProcess.start(env, WORK.resolve("d/after.log"))) {
                again.awaitReady(port);
                await().atMost(Duration.ofSeconds(30))
                        .until(() ->
                                taken(workspace, "U0LONE", "Inactive Expired").size() == 1
                                        && taken(workspace, "U0MINNIE", "Inactive Expired")
                                                        .size()
                                                == 1);
                assertThat(again.troubles()).isEmpty();
            }
            assertThat(taken(workspace, "U0LONE", "Inactive Expired"))
                    .as("Lone Star told once")
                    .hasSize(1);
            assertThat(taken(workspace, "U0MINNIE", "Lone Star"))
                    .as("Minnie told once")
                    .hasSize(1);
        }
    }

    private void importDemo(Map<String, String> env, String name) {
        assertThat(JarProcess.run(env, WORK.resolve(name + "/import.log"), "import", "--demo")
                        .exitCode())
                .isZero();
    }

    /** The messages Slack took (answered 200) for this channel or user that say this, newest last. */
    private static List<String> taken(SlackWorkspace workspace, String channel, String saying) {
        return workspace.slack.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith("/api/chat.postMessage"))
                .filter(e -> e.getResponse().getStatus() == 200)
                .map(e -> BlockKit.form(e.getRequest()))
                .filter(form -> channel.equals(form.get("channel")))
                .map(form -> textOf(readJson(form.getOrDefault("blocks", "[]"))))
                .filter(text -> text.contains(saying))
                .toList();
    }

    private String resetWhileSlackIsDown(SlackWorkspace workspace, Map<String, String> env, String name) {
        StubMapping down = slackDown(workspace);
        String confirmation = resetWhileSlackIsDown(workspace, env, name, down);
        workspace.slack.removeStub(down);
        return confirmation;
    }

    /** Imports the demo, resets Lone Star's password as Minnie while Slack refuses DMs, and kills the bot. */
    private String resetWhileSlackIsDown(
            SlackWorkspace workspace, Map<String, String> env, String name, StubMapping down) {
        importDemo(env, name);
        workspace.slackProfile("U0MINNIE", "minnie.mouse@email.com");
        workspace.slackProfile("U0LONE", "lone.star@example.org");
        JarProcess bot = JarProcess.start(env, WORK.resolve(name + "/before.log"));
        bot.awaitReady(port);
        workspace.reply(workspace.command("U0LONE", "whoami")); // Lone Star links himself by his profile's email
        String confirmation = workspace.command("U0MINNIE", "reset lonestar");
        workspace.click(
                "U0MINNIE",
                confirmation,
                Ids.Actions.CONFIRM,
                valueOf(workspace.reply(confirmation), Ids.Actions.CONFIRM));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> db.fetchExists(
                        OUTBOX_MESSAGE,
                        OUTBOX_MESSAGE.KIND.eq("TemporaryPassword").and(OUTBOX_MESSAGE.LAST_ERROR.isNotNull())));
        bot.kill();
        assertThat(db.fetchCount(OUTBOX_MESSAGE, OUTBOX_MESSAGE.SECRET.isNotNull()))
                .as("the password waits, sealed")
                .isOne();
        return confirmation;
    }

    private static StubMapping slackDown(SlackWorkspace workspace) {
        return workspace.slack.stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(503).withBody("upstream unavailable")));
    }

    /** The DMs with a temporary password Slack took for this user, newest last. */
    private static List<String> delivered(SlackWorkspace workspace, String slackUserId) {
        return taken(workspace, slackUserId, "Temporary password");
    }

    private int undos() {
        return db.fetchCount(
                AUDIT_EVENT,
                AUDIT_EVENT
                        .ACTION
                        .eq(AuditAction.UNDO_TEMPORARY_PASSWORD.name())
                        .and(AUDIT_EVENT.OUTCOME.eq("DONE")));
    }
}
