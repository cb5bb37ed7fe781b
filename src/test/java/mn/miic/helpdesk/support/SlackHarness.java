package mn.miic.helpdesk.support;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import mn.miic.helpdesk.Application;
import mn.miic.helpdesk.Threads;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.store.AccountRepository;
import mn.miic.helpdesk.audit.AuditEntry;
import mn.miic.helpdesk.audit.AuditLog;
import mn.miic.helpdesk.config.Config;
import mn.miic.helpdesk.identity.SlackLinks;
import org.jooq.DSLContext;

/**
 * The bot on a fresh database behind its real HTTP endpoint, in a {@link SlackWorkspace}: each instance is built by
 * {@link Application} from environment-style settings, as {@code Main} builds it, over a base clock the test moves.
 */
public final class SlackHarness extends SlackWorkspace {

    public static final String TEST_DELIVERY_KEY = "q3mVb1o0cJ0xX8yZbC6lK2rN5sT7uW9yA1dF4gH6jK8=";

    /** What a test moves to let time pass; every instance's clock reads it. */
    public final MovableClock time;

    public final DataSource dataSource;
    /** The first instance's clock: where a test reads "now", as the code does. */
    public final Clock clock;
    /** The first instance's database access, stamping rows with its clock. */
    public final DSLContext dsl;

    public final Fixtures fixtures;
    private final List<Application> apps;
    private final Map<String, String> settings;

    public SlackHarness() {
        this(TestDatabase.fresh());
    }

    /** With settings of its own, e.g. {@code JOBS_EVERY} for a test that lets the scheduler run. */
    public SlackHarness(Map<String, String> settings) {
        this(TestDatabase.fresh(), settings);
    }

    public SlackHarness(DataSource dataSource) {
        this(dataSource, Map.of());
    }

    /** On a data source of the test's choosing (the production pool, say), with settings of its own. */
    public SlackHarness(DataSource dataSource, Map<String, String> settings) {
        this(dataSource, settings, MovableClock.startingNow(), new ArrayList<>());
    }

    private SlackHarness(
            DataSource dataSource, Map<String, String> settings, MovableClock time, List<Application> apps) {
        super(() -> apps.get(0).port(), new FirstInstanceClock(apps));
        this.time = time;
        this.apps = apps;
        this.settings = settings;
        this.dataSource = dataSource;
        startInstance();
        this.clock = apps.get(0).clock();
        this.dsl = apps.get(0).dsl();
        this.fixtures = new Fixtures(dsl);
    }

    /** The settings an instance starts with, as environment variables. */
    public Map<String, String> environment() {
        Map<String, String> env = new HashMap<>(Map.of(
                "SLACK_BOT_TOKEN",
                "xoxb-test-token",
                "SLACK_SIGNING_SECRET",
                SIGNING_SECRET,
                "SLACK_API_URL",
                apiUrl(),
                "HELPDESK_CHANNEL_ID",
                HELPDESK_CHANNEL,
                // Every instance shares the key of the passwords waiting in the outbox, as in production.
                "DELIVERY_KEY",
                TEST_DELIVERY_KEY));
        env.putAll(settings);
        return env;
    }

    /** Another bot instance on the same database and the same fake Slack; returns its port. */
    public int startInstance() {
        return startInstance(environment());
    }

    /** An instance whose work runs on threads of the test's choosing (a tiny pool, to fill it). */
    public int startInstance(Threads threads) {
        Application app = new Application(Config.from(environment()), dataSource, time, threads).start(0);
        apps.add(app);
        return app.port();
    }

    /** An instance with settings of its own (Socket Mode, say) on the same database, fake Slack and time. */
    public int startInstance(Map<String, String> env) {
        // The work after each acknowledgement, and each delivery after a commit, run on the calling thread, so a
        // request's effects are all there when the call returns; the scheduled jobs still run on their own.
        Application app = new Application(Config.from(env), dataSource, time, Threads.inline()).start(0);
        apps.add(app);
        return app.port();
    }

    /**
     * Lets time pass, once what the bot owes people now has been delivered: as in real time, where a message goes
     * within a second, not after the jump.
     */
    public void advance(java.time.Duration by) {
        settle();
        time.advance(by);
    }

    /** Waits until the outbox has nothing it could deliver now. */
    public void settle() {
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(15))
                .pollInterval(java.time.Duration.ofMillis(20))
                .until(() -> apps.get(0).outbox().countDue() == 0);
    }

    /** The running instances, first started first. */
    public List<Application> instances() {
        return apps;
    }

    /** The same database as the schema's owner, for a test that must change the schema itself (a trigger). */
    public org.jooq.DSLContext asOwner() {
        return org.jooq.impl.DSL.using(TestDatabase.asOwner(dataSource), org.jooq.SQLDialect.POSTGRES);
    }

    /**
     * An account whose owner is a member of the workspace, with the account's email on their Slack profile, and who
     * has never used the bot (no link).
     */
    public Account member(Fixtures.AccountBuilder builder, String slackUserId) {
        Account account = builder.create();
        slackProfile(slackUserId, account.email());
        return account;
    }

    public Account link(Account account, String slackUserId) {
        new SlackLinks(dsl).link(slackUserId, account.id(), null);
        return account;
    }

    public Account reload(Account account) {
        return new AccountRepository(dsl).findById(account.id()).orElseThrow();
    }

    public List<AuditEntry> auditOf(Account account) {
        return new AuditLog(dsl).forAccount(account.id(), 200);
    }

    @Override
    public void close() {
        apps.forEach(Application::stop);
        super.close();
    }

    /** Slack signs with its own time; the bot checks it against the first instance's clock. */
    private static final class FirstInstanceClock extends Clock {
        private final List<Application> apps;

        FirstInstanceClock(List<Application> apps) {
            this.apps = apps;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return apps.get(0).clock().withZone(zone);
        }

        @Override
        public java.time.Instant instant() {
            return apps.get(0).clock().instant();
        }
    }
}
