package mn.miic.helpdesk.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import mn.miic.helpdesk.accounts.password.PasswordSettings;
import mn.miic.helpdesk.outbox.SecretBox;

/**
 * Everything the bot is told by its environment (SPEC 8). Read once at start; every bad or missing setting is reported
 * on a line of its own, and the bot does not start until all are right.
 */
public record Config(
        Optional<DatabaseUrl> database,
        Optional<DatabaseUrl> migrationDatabase,
        Path embeddedDataDirectory,
        int port,
        Optional<String> slackBotToken,
        Optional<String> slackSigningSecret,
        Optional<String> slackAppToken,
        String slackApiUrl,
        Optional<String> helpdeskChannelId,
        Optional<String> accountApiToken,
        Optional<String> metricsToken,
        Duration inactivityPeriod,
        int lockoutThreshold,
        Duration temporaryPasswordTtl,
        int passwordHistory,
        Duration passwordLifetime,
        Duration requestEscalationAfter,
        int requestsPerDay,
        Duration requestLifetime,
        Duration jobsEvery,
        Duration sweepEvery,
        Period duaValidFor,
        Period accessReviewEvery,
        Duration accessReviewDue,
        Optional<String> deliveryKey,
        Duration deliveryDeadline,
        boolean playground,
        Path playgroundDataDirectory) {

    /** Slack is served when there is a bot token (checked with a signing secret or an app token by {@link #from}). */
    public boolean slackEnabled() {
        return slackBotToken.isPresent();
    }

    /** The same settings with this delivery key (the embedded default's, from its file). */
    public Config withDeliveryKey(String key) {
        return new Config(
                database,
                migrationDatabase,
                embeddedDataDirectory,
                port,
                slackBotToken,
                slackSigningSecret,
                slackAppToken,
                slackApiUrl,
                helpdeskChannelId,
                accountApiToken,
                metricsToken,
                inactivityPeriod,
                lockoutThreshold,
                temporaryPasswordTtl,
                passwordHistory,
                passwordLifetime,
                requestEscalationAfter,
                requestsPerDay,
                requestLifetime,
                jobsEvery,
                sweepEvery,
                duaValidFor,
                accessReviewEvery,
                accessReviewDue,
                Optional.of(key),
                deliveryDeadline,
                playground,
                playgroundDataDirectory);
    }

    /** Where the embedded default keeps its delivery key: beside its data, made the first time. */
    public Path embeddedDeliveryKeyFile() {
        return embeddedDataDirectory.toAbsolutePath().resolveSibling("delivery.key");
    }

    public PasswordSettings passwordSettings() {
        return new PasswordSettings(12, 30, passwordHistory, temporaryPasswordTtl);
    }

    /** Reads the settings, or throws with one line per problem. */
    public static Config from(Map<String, String> env) {
        Reader r = new Reader(env);
        Optional<DatabaseUrl> database = r.optional(
                "DATABASE_URL", url -> DatabaseUrl.parse(url, env.get("DATABASE_USER"), env.get("DATABASE_PASSWORD")));
        Path dataDir = r.optional("MIIC_DATA_DIR", Path::of)
                .orElse(Path.of(System.getProperty("user.home"), ".miic-helpdesk", "postgres"));
        // The owner role of the schema, on the same server: the migrations run as it, the bot does not.
        String migrationUser = env.get("DATABASE_MIGRATION_USER");
        Optional<DatabaseUrl> migration = database.filter(d -> migrationUser != null && !migrationUser.isBlank())
                .map(d -> new DatabaseUrl(d.jdbcUrl(), migrationUser.trim(), env.get("DATABASE_MIGRATION_PASSWORD")));
        if (database.isEmpty() && migrationUser != null && !migrationUser.isBlank()) {
            r.problems.add("DATABASE_MIGRATION_USER: needs DATABASE_URL (the embedded default makes its own roles)");
        }
        Config config = new Config(
                database,
                migration,
                dataDir,
                r.integer("PORT", 3000, 1, 65_535),
                r.optional("SLACK_BOT_TOKEN", Function.identity()),
                r.optional("SLACK_SIGNING_SECRET", Function.identity()),
                r.optional("SLACK_APP_TOKEN", Function.identity()),
                r.optional("SLACK_API_URL", Reader::httpUrl).orElse("https://slack.com/api/"),
                r.optional("HELPDESK_CHANNEL_ID", Function.identity()),
                r.optional("ACCOUNT_API_TOKEN", Reader::bearerToken),
                r.optional("METRICS_TOKEN", Reader::bearerToken),
                r.duration("INACTIVITY_PERIOD", Duration.ofDays(90), "P90D"),
                r.integer("LOCKOUT_THRESHOLD", 5, 1, 100),
                r.duration("TEMP_PASSWORD_TTL", Duration.ofHours(72), "PT72H"),
                r.integer("PASSWORD_HISTORY", 5, 0, 50),
                r.duration("PASSWORD_LIFETIME", Duration.ofDays(90), "P90D"),
                r.duration("REQUEST_ESCALATION_AFTER", Duration.ofMinutes(30), "PT30M"),
                r.integer("REQUESTS_PER_DAY", 3, 1, 100),
                r.duration("REQUEST_LIFETIME", Duration.ofDays(3), "P3D"),
                r.duration("JOBS_EVERY", Duration.ofSeconds(30), "PT30S"),
                r.duration("SWEEP_EVERY", Duration.ofHours(1), "PT1H"),
                r.period("DUA_VALID_FOR", Period.ofYears(3)),
                r.period("ACCESS_REVIEW_EVERY", Period.ofYears(1)),
                r.duration("ACCESS_REVIEW_DUE", Duration.ofDays(14), "P14D"),
                r.optional("DELIVERY_KEY", key -> {
                    SecretBox.decodeKey(key);
                    return key;
                }),
                r.duration("DELIVERY_DEADLINE", Duration.ofMinutes(5), "PT5M"),
                playground(r, env),
                r.optional("MIIC_PLAYGROUND_DIR", Path::of)
                        .orElse(Path.of(System.getProperty("user.home"), ".miic-helpdesk", "playground")));
        String givenKey = env.get("DELIVERY_KEY");
        if (config.database().isPresent() && (givenKey == null || givenKey.isBlank())) {
            r.problems.add("DELIVERY_KEY: missing; with DATABASE_URL every instance needs the same key for the"
                    + " passwords waiting to be delivered: openssl rand -base64 32");
        }
        if (config.slackBotToken().isEmpty()
                && (config.slackSigningSecret().isPresent()
                        || config.slackAppToken().isPresent())) {
            r.problems.add("SLACK_BOT_TOKEN: missing; the bot needs it (xoxb-...) with SLACK_SIGNING_SECRET or"
                    + " SLACK_APP_TOKEN");
        }
        if (config.slackBotToken().isPresent()
                && config.slackSigningSecret().isEmpty()
                && config.slackAppToken().isEmpty()) {
            r.problems.add("SLACK_SIGNING_SECRET: missing; set it for the HTTP endpoint, or set SLACK_APP_TOKEN"
                    + " (xapp-...) for Socket Mode");
        }
        config.slackAppToken()
                .filter(t -> !t.startsWith("xapp-"))
                .ifPresent(t -> r.problems.add("SLACK_APP_TOKEN: an app-level token starts with xapp-"));
        if (!r.problems.isEmpty()) {
            throw new ConfigException(r.problems);
        }
        return config;
    }

    /**
     * The playground (a workspace of its own in the browser) runs when nothing says where Slack or the database is:
     * what someone trying the bot for the first time has. {@code PLAYGROUND=off} keeps a bot without Slack from
     * starting it; it never runs beside Slack settings or a {@code DATABASE_URL}, whose data it must not touch.
     */
    private static boolean playground(Reader r, Map<String, String> env) {
        boolean slackSettings = java.util.stream.Stream.of("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN")
                .anyMatch(name -> env.get(name) != null && !env.get(name).isBlank());
        boolean database =
                env.get("DATABASE_URL") != null && !env.get("DATABASE_URL").isBlank();
        Optional<Boolean> asked = r.optional("PLAYGROUND", v -> switch (v.toLowerCase()) {
            case "on", "true", "yes" -> true;
            case "off", "false", "no" -> false;
            default -> throw new IllegalArgumentException("\"" + v + "\" is neither on nor off");
        });
        if (asked.orElse(false) && slackSettings) {
            r.problems.add("PLAYGROUND: on, but Slack settings are given; the playground is its own Slack: unset them");
        }
        if (asked.orElse(false) && database) {
            r.problems.add("PLAYGROUND: on, but DATABASE_URL is given; the playground keeps its own embedded database"
                    + " and must not touch that one: unset it");
        }
        return asked.orElse(!slackSettings && !database);
    }

    /** Collects problems instead of stopping at the first. */
    private static final class Reader {
        private final Map<String, String> env;
        private final List<String> problems = new ArrayList<>();

        Reader(Map<String, String> env) {
            this.env = env;
        }

        /** A bearer token guessable by nobody: 32 characters at least, as {@code openssl rand -hex 32} gives 64. */
        static String bearerToken(String value) {
            if (value.length() < 32) {
                throw new IllegalArgumentException("too short (" + value.length() + " characters): use at least 32,"
                        + " e.g. openssl rand -hex 32");
            }
            return value;
        }

        <T> Optional<T> optional(String name, Function<String, T> parse) {
            String value = env.get(name);
            if (value == null || value.isBlank()) {
                return Optional.empty();
            }
            try {
                return Optional.of(parse.apply(value.trim()));
            } catch (RuntimeException e) {
                problems.add(name + ": " + e.getMessage());
                return Optional.empty();
            }
        }

        int integer(String name, int fallback, int min, int max) {
            return optional(name, v -> {
                        int n;
                        try {
                            n = Integer.parseInt(v);
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("\"" + v + "\" is not a whole number");
                        }
                        if (n < min || n > max) {
                            throw new IllegalArgumentException(n + " is not between " + min + " and " + max);
                        }
                        return n;
                    })
                    .orElse(fallback);
        }

        Duration duration(String name, Duration fallback, String example) {
            return timeSpan(name, "duration", example, Duration::parse, d -> d.isNegative() || d.isZero())
                    .orElse(fallback);
        }

        Period period(String name, Period fallback) {
            return timeSpan(name, "period", fallback.toString(), Period::parse, p -> p.isNegative() || p.isZero())
                    .orElse(fallback);
        }

        private <T> Optional<T> timeSpan(
                String name, String what, String example, Function<String, T> parse, Predicate<T> notPositive) {
            return optional(name, v -> {
                T value;
                try {
                    value = parse.apply(v);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(
                            "\"" + v + "\" is not an ISO-8601 " + what + " such as " + example);
                }
                if (notPositive.test(value)) {
                    throw new IllegalArgumentException("must be longer than zero");
                }
                return value;
            });
        }

        static String httpUrl(String v) {
            if (!v.startsWith("http://") && !v.startsWith("https://")) {
                throw new IllegalArgumentException("\"" + v + "\" is not an http(s) URL");
            }
            return v.endsWith("/") ? v : v + "/";
        }
    }
}
