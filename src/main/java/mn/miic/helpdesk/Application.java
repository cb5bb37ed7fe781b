package mn.miic.helpdesk;

import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import java.time.Clock;
import java.util.Map;
import mn.miic.helpdesk.accounts.access.AccessPolicy;
import mn.miic.helpdesk.accounts.password.PasswordHasher;
import mn.miic.helpdesk.accounts.password.PasswordPolicy;
import mn.miic.helpdesk.accounts.usecases.AccountUseCases;
import mn.miic.helpdesk.config.Config;
import mn.miic.helpdesk.db.Migrations;
import mn.miic.helpdesk.db.OnceKeys;
import mn.miic.helpdesk.lifecycle.InactivitySweep;
import mn.miic.helpdesk.observability.Meters;
import mn.miic.helpdesk.requests.RequestUseCases;
import mn.miic.helpdesk.scheduling.Jobs;
import mn.miic.helpdesk.signin.AccountApi;
import mn.miic.helpdesk.slack.JavalinSlackAdapter;
import mn.miic.helpdesk.slack.LifecycleNotices;
import mn.miic.helpdesk.slack.RequestFlows;
import mn.miic.helpdesk.slack.SlackBot;
import mn.miic.helpdesk.web.WebServer;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The bot, wired by hand from its configuration, a database and a clock; tests build it the same way. */
public final class Application {

    private static final Logger log = LoggerFactory.getLogger(Application.class);

    private final Config config;
    private final AccountUseCases accounts;
    private final SlackBot slack;
    private final WebServer web;
    private final javax.sql.DataSource dataSource;
    private final Clock clock;
    private final OnceKeys onceKeys;
    private final DSLContext dsl;
    private SocketModeApp socketMode;
    private Jobs jobs;

    public Application(Config config, javax.sql.DataSource dataSource, Clock clock) {
        this.config = config;
        DSLContext dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
        AccessPolicy policy = new AccessPolicy(clock, config.duaValidFor());
        PasswordHasher hasher = new PasswordHasher();
        this.accounts = AccountUseCases.create(dsl, policy, hasher, config.passwordSettings(), clock);
        RequestUseCases requests = RequestUseCases.create(
                dsl,
                accounts,
                policy,
                clock,
                new RequestUseCases.Settings(
                        config.requestEscalationAfter(),
                        config.requestsPerDay(),
                        config.requestLifetime(),
                        config.inactivityPeriod()));
        this.dataSource = dataSource;
        this.clock = clock;
        this.onceKeys = new OnceKeys(dsl);
        this.dsl = dsl;
        this.slack = config.slackEnabled()
                ? new SlackBot(
                        new SlackBot.Settings(
                                config.slackBotToken().orElseThrow(),
                                config.slackSigningSecret().orElse(null),
                                config.slackApiUrl(),
                                config.helpdeskChannelId()),
                        accounts,
                        requests,
                        dsl,
                        clock)
                : null;
        Migrations migrations = new Migrations(dataSource);
        JavalinSlackAdapter adapter =
                slack != null && config.slackSigningSecret().isPresent() ? new JavalinSlackAdapter(slack) : null;
        Map<String, io.javalin.http.Handler> api = config.accountApiToken()
                .map(token -> AccountApi.create(
                                token,
                                dsl,
                                hasher,
                                new PasswordPolicy(config.passwordSettings(), hasher),
                                clock,
                                config.lockoutThreshold(),
                                config.passwordHistory(),
                                config.passwordLifetime())
                        .routes())
                .orElse(Map.of());
        this.web = new WebServer(() -> isReady(dsl, migrations), adapter == null ? null : adapter::handle, api);
    }

    public AccountUseCases accounts() {
        return accounts;
    }

    public Application start(int port) {
        if (slack != null) {
            slack.start();
        }
        web.start(port);
        if (slack == null) {
            log.warn(
                    "Slack is not configured, so only /healthz, /readyz, /metrics (and the account API when it is on) answer. Set SLACK_BOT_TOKEN with"
                            + " SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP); see the README.");
        } else {
            if (config.slackSigningSecret().isPresent()) {
                log.info("Slack Request URL: POST http://localhost:{}{}", web.port(), WebServer.SLACK_PATH);
            }
            config.slackAppToken().ifPresent(this::startSocketMode);
            RequestFlows requestFlows = slack.requests();
            InactivitySweep sweep = new InactivitySweep(dsl, clock, config.inactivityPeriod());
            LifecycleNotices notices = slack.lifecycleNotices();
            jobs = Jobs.start(
                    dataSource,
                    Map.of(
                            "escalate-requests",
                            new Jobs.Job(config.jobsEvery(), requestFlows::escalateDue),
                            "expire-requests",
                            new Jobs.Job(config.jobsEvery(), requestFlows::expireOld),
                            // Slack retries within minutes; a day of keys is plenty to drop them.
                            "forget-once-keys",
                            new Jobs.Job(
                                    config.jobsEvery(),
                                    () -> onceKeys.forgetBefore(clock.instant().minus(java.time.Duration.ofDays(1)))),
                            "inactivity-sweep",
                            new Jobs.Job(config.sweepEvery(), () -> {
                                var report = sweep.run(notices);
                                Meters.sweep(report.expired(), report.warned(), report.took());
                                log.info(
                                        "inactivity sweep: {} expired, {} warned, in {} ms",
                                        report.expired(),
                                        report.warned(),
                                        report.took().toMillis());
                            })));
        }
        return this;
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

    /** The request jobs the scheduler runs, for tests that run them at a time of their choosing. */
    public RequestFlows requests() {
        return slack == null ? null : slack.requests();
    }

    public void stop() {
        if (jobs != null) {
            jobs.close();
        }
        web.stop();
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
    }

    private static boolean isReady(DSLContext dsl, Migrations migrations) {
        try {
            dsl.selectOne().fetch();
            return migrations.isUpToDate();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
