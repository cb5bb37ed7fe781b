package mn.miic.helpdesk;

import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import mn.miic.helpdesk.accounts.access.AccessPolicy;
import mn.miic.helpdesk.accounts.password.PasswordHasher;
import mn.miic.helpdesk.accounts.password.PasswordPolicy;
import mn.miic.helpdesk.accounts.usecases.AccountUseCases;
import mn.miic.helpdesk.compliance.ComplianceUseCases;
import mn.miic.helpdesk.compliance.DuaReminders;
import mn.miic.helpdesk.config.Config;
import mn.miic.helpdesk.db.DatabaseClock;
import mn.miic.helpdesk.db.Migrations;
import mn.miic.helpdesk.db.OnceKeys;
import mn.miic.helpdesk.importing.CsvImport;
import mn.miic.helpdesk.importing.DemoData;
import mn.miic.helpdesk.lifecycle.AccessEnd;
import mn.miic.helpdesk.lifecycle.InactivitySweep;
import mn.miic.helpdesk.observability.Meters;
import mn.miic.helpdesk.outbox.Outbox;
import mn.miic.helpdesk.outbox.OutboxStatus;
import mn.miic.helpdesk.outbox.OutboxWorker;
import mn.miic.helpdesk.outbox.Owed;
import mn.miic.helpdesk.outbox.SecretBox;
import mn.miic.helpdesk.requests.RequestRepository;
import mn.miic.helpdesk.requests.RequestUseCases;
import mn.miic.helpdesk.reviews.AccessReviews;
import mn.miic.helpdesk.reviews.ReviewDeadlines;
import mn.miic.helpdesk.scheduling.Jobs;
import mn.miic.helpdesk.signin.AccountApi;
import mn.miic.helpdesk.slack.JavalinSlackAdapter;
import mn.miic.helpdesk.slack.SlackBot;
import mn.miic.helpdesk.web.WebServer;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot, wired by hand from its configuration, a database and a base clock. {@code Main} gives it this machine's
 * clock; tests give it one they move, and otherwise build it exactly as {@code Main} does. The constructor wires the
 * use cases (all the import needs); {@link #start} adds what serves: Slack, HTTP and the scheduled jobs.
 */
public final class Application {

    private static final Logger log = LoggerFactory.getLogger(Application.class);

    private final Config config;
    private final DataSource dataSource;
    private final DSLContext dsl;
    private final DatabaseClock clock;
    private final AccessPolicy policy;
    private final PasswordHasher hasher;
    private final AccountUseCases accounts;
    private final RequestUseCases requests;
    private final ComplianceUseCases compliance;
    private final Outbox outbox;
    private SlackBot slack;
    private OutboxWorker deliveries;
    private final Threads threads;
    private WebServer web;
    private SocketModeApp socketMode;
    private Jobs jobs;
    private ScheduledExecutorService poller;

    /** @param base this machine's clock in production; the database's offset to it is applied on top */
    public Application(Config config, DataSource dataSource, Clock base) {
        this(config, dataSource, base, Threads.pooled());
    }

    /** @param threads where work runs after Slack is acknowledged, and deliveries after a commit */
    public Application(Config config, DataSource dataSource, Clock base, Threads threads) {
        this.config = config;
        this.threads = threads;
        this.dataSource = dataSource;
        this.dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
        // Every instance takes "now" from the database, so that jobs and deadlines agree across instances. The clock
        // travels with jOOQ's configuration, so every row a repository stamps has the use cases' "now".
        // jOOQ itself reads the configuration's clock on every query, so the clock asks the database through a
        // configuration of its own.
        this.clock = new DatabaseClock(DSL.using(dataSource, SQLDialect.POSTGRES), base);
        dsl.configuration().set(clock);
        this.policy = new AccessPolicy(clock, config.duaValidFor());
        this.hasher = new PasswordHasher();
        this.outbox = new Outbox(
                dsl,
                config.deliveryKey().map(SecretBox::ofBase64).orElseGet(() -> {
                    log.warn("No DELIVERY_KEY: passwords waiting to be delivered cannot survive a restart");
                    return SecretBox.ephemeral();
                }),
                config.deliveryDeadline());
        this.accounts = AccountUseCases.create(dsl, policy, hasher, config.passwordSettings(), clock, outbox);
        this.requests = RequestUseCases.create(
                dsl,
                accounts,
                policy,
                clock,
                new RequestUseCases.Settings(
                        config.requestEscalationAfter(),
                        config.requestsPerDay(),
                        config.requestLifetime(),
                        config.inactivityPeriod()));
        this.compliance = ComplianceUseCases.create(
                accounts,
                policy,
                clock,
                config.duaValidFor(),
                new AccessReviews.Settings(config.accessReviewEvery(), config.accessReviewDue()));
    }

    public AccountUseCases accounts() {
        return accounts;
    }

    /** The application's clock: what every use case, job and check takes "now" from. */
    public Clock clock() {
        return clock;
    }

    /** The application's database access, stamping rows with {@link #clock()}. */
    public DSLContext dsl() {
        return dsl;
    }

    /** What the bot owes people in Slack, written with the changes that owe it. */
    public Outbox outbox() {
        return outbox;
    }

    /** Delivers the outbox; null until Slack is started. */
    public OutboxWorker deliveries() {
        return deliveries;
    }

    public CsvImport csvImport() {
        return new CsvImport(dsl, policy);
    }

    /** The guide's demo organizations and users, their dates set relative to today. */
    public DemoData demoData() {
        return new DemoData(csvImport(), policy);
    }

    public Application start(int port) {
        if (config.slackEnabled()) {
            slack = new SlackBot(
                            new SlackBot.Settings(
                                    config.slackBotToken().orElseThrow(),
                                    config.slackSigningSecret().orElse(null),
                                    config.slackApiUrl(),
                                    config.helpdeskChannelId()),
                            accounts,
                            requests,
                            compliance,
                            dsl,
                            clock,
                            threads.slackWork())
                    .start();
        }
        Migrations migrations = Migrations.checking(dataSource);
        JavalinSlackAdapter adapter =
                slack != null && config.slackSigningSecret().isPresent() ? new JavalinSlackAdapter(slack) : null;
        Map<String, io.javalin.http.Handler> api = config.accountApiToken()
                .map(token -> AccountApi.create(
                                token,
                                dsl,
                                dataSource,
                                hasher,
                                new PasswordPolicy(config.passwordSettings(), hasher),
                                clock,
                                config.lockoutThreshold(),
                                config.passwordHistory(),
                                config.passwordLifetime(),
                                outbox)
                        .routes())
                .orElse(Map.of());
        web = new WebServer(
                () -> isReady(migrations), adapter == null ? null : adapter::handle, api, config.metricsToken());
        web.start(port);
        if (slack == null) {
            log.warn(
                    "Slack is not configured, so only /healthz, /readyz, /metrics (with METRICS_TOKEN) and the account API"
                            + " (with ACCOUNT_API_TOKEN) answer. Set SLACK_BOT_TOKEN with SLACK_APP_TOKEN (Socket Mode)"
                            + " or SLACK_SIGNING_SECRET (HTTP); see the README. (With no DATABASE_URL and PLAYGROUND"
                            + " unset, the same command starts the playground instead.)");
            return this;
        }
        if (config.slackSigningSecret().isPresent()) {
            log.info("Slack Request URL: POST http://localhost:{}{}", web.port(), WebServer.SLACK_PATH);
        }
        config.slackAppToken().ifPresent(this::startSocketMode);
        startDeliveries();
        startJobs();
        return this;
    }

    private void startDeliveries() {
        // What a request just committed is delivered at once; when those threads are busy the scheduled run does it.
        deliveries = new OutboxWorker(
                outbox,
                slack.courier(),
                accounts.undoTemporaryPassword(),
                clock,
                threads.deliveries(),
                holderName(web.port()));
        deliveries.resume();
        // The safety net under the deliveries kicked at commit: every instance polls what is due (claims never
        // overlap). Not a db-scheduler job: one killed while it ran would hold the job until it was found dead.
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "outbox-poll");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(
                () -> {
                    try {
                        deliveries.deliverDue();
                    } catch (RuntimeException e) {
                        log.error("delivering the outbox failed; it is tried again in a second", e);
                    }
                },
                1,
                1,
                TimeUnit.SECONDS);
        accounts.transactions().whenCommitted(deliveries::kick);
        // A request's copies are remembered once Slack says where they are, so that they can be updated.
        deliveries.afterDelivery(Owed.RequestToApprover.class, (m, posted) -> requests.decide()
                .copyShown(new RequestRepository.Message(
                        ((Owed.RequestToApprover) m.owed()).requestId(),
                        RequestRepository.Audience.APPROVER,
                        ((Owed.RequestToApprover) m.owed()).approverSlackUserId(),
                        posted.channel(),
                        posted.ts())));
        deliveries.afterDelivery(Owed.RequestToHelpDesk.class, (m, posted) -> requests.decide()
                .copyShown(new RequestRepository.Message(
                        ((Owed.RequestToHelpDesk) m.owed()).requestId(),
                        RequestRepository.Audience.HELPDESK,
                        null,
                        posted.channel(),
                        posted.ts())));
        Meters.outboxPending(() -> outbox.countsByStatus().get(OutboxStatus.PENDING));
    }

    /**
     * This instance as an outbox lease holder: its host and the port it has bound. No other live process has both, and
     * a bot started again in place of one that was killed has both, so it can take back what that one held.
     */
    private static String holderName(int port) {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "localhost";
        }
        return host + ":" + port;
    }

    private void startJobs() {
        InactivitySweep sweep = new InactivitySweep(dsl, outbox, clock, config.inactivityPeriod());
        OnceKeys onceKeys = new OnceKeys(dsl);
        jobs = Jobs.start(
                dataSource,
                Map.of(
                        "escalate-requests",
                        new Jobs.Job(
                                config.jobsEvery(), () -> requests.escalate().run()),
                        "access-reviews",
                        new Jobs.Job(config.jobsEvery(), () -> reviewDeadlines().run()),
                        "expire-requests",
                        new Jobs.Job(config.jobsEvery(), () -> requests.expire().run()),
                        // Slack retries within minutes; a day of keys is plenty to drop them.
                        "forget-once-keys",
                        new Jobs.Job(config.jobsEvery(), () -> {
                            Instant dayAgo = clock.instant().minus(Duration.ofDays(1));
                            onceKeys.forgetBefore(dayAgo);
                            AccountApi.forgetFailuresBefore(dsl, dayAgo);
                        }),
                        "dua-reminders",
                        new Jobs.Job(config.sweepEvery(), () -> {
                            var report = duaReminders().run();
                            if (report.organizations() > 0) {
                                log.info(
                                        "DUA reminders: {} organizations, {} messages owed",
                                        report.organizations(),
                                        report.messages());
                            }
                        }),
                        "inactivity-sweep",
                        new Jobs.Job(config.sweepEvery(), () -> {
                            var report = sweep.run();
                            Meters.sweep(report.expired(), report.warned(), report.took());
                            var access = accessEnd().run();
                            if (access.ended() + access.warned() > 0) {
                                log.info("time-limited access: {} ended, {} warned", access.ended(), access.warned());
                            }
                            log.info(
                                    "inactivity sweep: {} expired, {} warned, {} told their password expired, in {} ms",
                                    report.expired(),
                                    report.warned(),
                                    report.passwordsExpired(),
                                    report.took().toMillis());
                        })));
    }

    private void startSocketMode(String appToken) {
        try {
            socketMode = new SocketModeApp(appToken, slack.app(), SocketModeClient.Backend.JavaWebSocket);
            socketMode.startAsync();
            log.info("Slack Socket Mode connected: no public URL needed");
        } catch (Exception e) {
            throw new IllegalStateException("Socket Mode could not connect to Slack: " + e.getMessage(), e);
        }
    }

    public int port() {
        return web.port();
    }

    /** The end of time-limited access, as the sweep's job runs it (and tests, at a time of their choosing). */
    public AccessEnd accessEnd() {
        return new AccessEnd(dsl, outbox, clock);
    }

    /** The access reviews' schedule, reminders and escalations, as the job runs them (and tests, when they choose). */
    public ReviewDeadlines reviewDeadlines() {
        return new ReviewDeadlines(dsl, outbox, clock, compliance.reviews());
    }

    /** The compliance use cases: Data Use Agreements and access reviews. */
    public ComplianceUseCases compliance() {
        return compliance;
    }

    /** The Data Use Agreement reminders, as the scheduled job runs them (and tests, at a time of their choosing). */
    public DuaReminders duaReminders() {
        return new DuaReminders(dsl, outbox, clock, config.duaValidFor());
    }

    /** The request use cases, for tests that run the scheduled jobs at a time of their choosing. */
    public RequestUseCases requests() {
        return requests;
    }

    public void stop() {
        if (jobs != null) {
            jobs.close();
        }
        if (poller != null) {
            poller.shutdown();
            try {
                poller.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        if (web != null) {
            web.stop();
        }
        if (socketMode != null) {
            try {
                socketMode.close();
            } catch (Exception e) {
                log.warn("Socket Mode did not close cleanly", e);
            }
        }
        if (slack != null) {
            slack.stop();
        }
        threads.shutdown();
    }

    /**
     * Ready: the database answers, and the schema is this build's. Flyway is asked only until it says so once (the
     * schema does not go back), so a probe, or a flood of them, costs one trivial query.
     */
    private boolean isReady(Migrations migrations) {
        try {
            dsl.selectOne().fetch();
            if (!schemaUpToDate) {
                schemaUpToDate = migrations.isUpToDate();
            }
            return schemaUpToDate;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private volatile boolean schemaUpToDate;
}
