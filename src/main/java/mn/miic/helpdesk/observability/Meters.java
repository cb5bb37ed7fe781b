package mn.miic.helpdesk.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;

/**
 * The bot's Prometheus meters (SPEC 8, {@code GET /metrics}). One registry per process: every bot instance is a
 * process, and Prometheus adds them up.
 */
public final class Meters {

    private static final PrometheusMeterRegistry REGISTRY = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    private Meters() {}

    /** The text Prometheus scrapes. */
    public static String scrape() {
        return REGISTRY.scrape();
    }

    /** An HTTP request and how long it took to answer; for Slack's URL that is the acknowledgement. */
    public static void httpRequest(String path, int status, Duration took) {
        Timer.builder("miic_http_requests")
                .description("HTTP requests by path and status; for /slack/events, Slack's acknowledgement")
                .tag("path", path)
                .tag("status", Integer.toString(status))
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(REGISTRY)
                .record(took);
    }

    /** A use case decided: its audit action and done or refused. */
    public static void useCase(String action, String outcome) {
        Counter.builder("miic_use_cases")
                .description("Account use cases by action and outcome")
                .tag("action", action)
                .tag("outcome", outcome)
                .register(REGISTRY)
                .increment();
    }

    public static void signIn(String outcome) {
        Counter.builder("miic_sign_ins")
                .description("Sign-in API calls by outcome")
                .tag("outcome", outcome)
                .register(REGISTRY)
                .increment();
    }

    /** A Slack Web API call: ok, error (Slack said no), rate_limited (429) or unavailable. */
    public static void slackCall(String method, String result) {
        Counter.builder("miic_slack_api_calls")
                .description("Slack Web API calls by method and result; rate_limited counts 429s")
                .tag("method", method)
                .tag("result", result)
                .register(REGISTRY)
                .increment();
    }

    public static void sweep(int expired, int warned, Duration took) {
        Timer.builder("miic_sweep_runs")
                .description("Inactivity sweep runs and how long each took")
                .register(REGISTRY)
                .record(took);
        Counter.builder("miic_sweep_expired").register(REGISTRY).increment(expired);
        Counter.builder("miic_sweep_warnings").register(REGISTRY).increment(warned);
    }

    /** A message the bot owed ended: its kind and how (delivered, undone, given up, skipped). */
    public static void outboxEnded(String kind, String status) {
        Counter.builder("miic_outbox_messages")
                .description("Outbox messages by kind and how they ended")
                .tag("kind", kind)
                .tag("status", status)
                .register(REGISTRY)
                .increment();
    }

    /** An attempt that will be tried again, and why (rate_limited, unavailable, failed). */
    public static void outboxRetry(String kind, String why) {
        Counter.builder("miic_outbox_retries")
                .description("Outbox delivery attempts to be tried again, by kind and reason")
                .tag("kind", kind)
                .tag("reason", why)
                .register(REGISTRY)
                .increment();
    }

    /** How many messages wait, read when Prometheus scrapes. */
    public static void outboxPending(java.util.function.Supplier<Number> pending) {
        io.micrometer.core.instrument.Gauge.builder("miic_outbox_pending", pending)
                .description("Outbox messages not delivered yet")
                .register(REGISTRY);
    }

    /** Buckets for how long requests for help wait: minutes to days. */
    private static final Duration[] REQUEST_BUCKETS = {
        Duration.ofMinutes(1),
        Duration.ofMinutes(5),
        Duration.ofMinutes(15),
        Duration.ofMinutes(30),
        Duration.ofHours(1),
        Duration.ofHours(4),
        Duration.ofDays(1),
        Duration.ofDays(3)
    };

    /** A request for help was asked: its kind. */
    public static void requestAsked(String kind) {
        Counter.builder("miic_requests_asked")
                .description("Requests for help asked, by kind")
                .tag("kind", kind)
                .register(REGISTRY)
                .increment();
    }

    /** A request went to the help desk: nobody at the site decided it in time, or nobody there could be asked. */
    public static void requestEscalated() {
        Counter.builder("miic_request_escalations")
                .description("Requests for help escalated to the help desk")
                .register(REGISTRY)
                .increment();
    }

    /** A request nobody decided was closed at the end of its lifetime. */
    public static void requestExpired() {
        Counter.builder("miic_requests_expired")
                .description("Requests for help that expired undecided")
                .register(REGISTRY)
                .increment();
    }

    /** From asking to the first answer (the help desk's claim, or a decision); by: site or help_desk. */
    public static void requestFirstResponse(Duration took, String by) {
        Timer.builder("miic_request_first_response")
                .description("Time from a request for help to its first response (claim or decision)")
                .tag("by", by)
                .serviceLevelObjectives(REQUEST_BUCKETS)
                .register(REGISTRY)
                .record(took);
    }

    /** From asking to the decision; by: site or help_desk; outcome: approved or denied. */
    public static void requestDecided(Duration took, String by, String outcome) {
        Timer.builder("miic_request_decision")
                .description("Time from a request for help to its decision, by who decided and the outcome")
                .tag("by", by)
                .tag("outcome", outcome)
                .serviceLevelObjectives(REQUEST_BUCKETS)
                .register(REGISTRY)
                .record(took);
    }

    /** A Slack request refused at once because every worker was busy and the queue full. */
    public static void busy() {
        Counter.builder("miic_slack_busy")
                .description("Slack requests answered \"MIIC is busy\" because the work queue was full")
                .register(REGISTRY)
                .increment();
    }
}
