package mn.miic.helpdesk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Period;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {

    @Test
    void with_nothing_set_the_defaults_of_the_spec_apply() {
        Config config = Config.from(Map.of());
        assertThat(config.database()).isEmpty();
        assertThat(config.port()).isEqualTo(3000);
        assertThat(config.slackApiUrl()).isEqualTo("https://slack.com/api/");
        assertThat(config.inactivityPeriod()).isEqualTo(Duration.ofDays(90));
        assertThat(config.lockoutThreshold()).isEqualTo(5);
        assertThat(config.temporaryPasswordTtl()).isEqualTo(Duration.ofHours(72));
        assertThat(config.passwordHistory()).isEqualTo(5);
        assertThat(config.requestEscalationAfter()).isEqualTo(Duration.ofMinutes(30));
        assertThat(config.requestsPerDay()).isEqualTo(3);
        assertThat(config.duaValidFor()).isEqualTo(Period.ofYears(3));
    }

    @Test
    void the_playground_runs_when_nothing_names_slack_or_a_database_and_never_beside_them() {
        assertThat(Config.from(Map.of()).playground()).isTrue();
        assertThat(Config.from(Map.of()).playgroundDataDirectory())
                .isNotEqualTo(Config.from(Map.of()).embeddedDataDirectory());
        assertThat(Config.from(Map.of("PLAYGROUND", "off")).playground()).isFalse();
        assertThat(Config.from(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s"))
                        .playground())
                .isFalse();
        assertThat(Config.from(Map.of("DATABASE_URL", "postgresql://db/miic", "DELIVERY_KEY", KEY))
                        .playground())
                .isFalse();
        ConfigException both = catchThrowableOfType(
                ConfigException.class,
                () -> Config.from(
                        Map.of("PLAYGROUND", "on", "SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1")));
        assertThat(both.problems()).anyMatch(p -> p.startsWith("PLAYGROUND: on, but Slack settings"));
        ConfigException data = catchThrowableOfType(
                ConfigException.class,
                () -> Config.from(
                        Map.of("PLAYGROUND", "on", "DATABASE_URL", "postgresql://db/miic", "DELIVERY_KEY", KEY)));
        assertThat(data.problems()).anyMatch(p -> p.startsWith("PLAYGROUND: on, but DATABASE_URL"));
        ConfigException word =
                catchThrowableOfType(ConfigException.class, () -> Config.from(Map.of("PLAYGROUND", "maybe")));
        assertThat(word.problems()).containsExactly("PLAYGROUND: \"maybe\" is neither on nor off");
    }

    private static final String KEY = "q3mVb1o0cJ0xX8yZbC6lK2rN5sT7uW9yA1dF4gH6jK8=";

    @Test
    void every_bad_setting_is_reported_on_its_own_line_naming_it() {
        ConfigException e = catchThrowableOfType(
                ConfigException.class,
                () -> Config.from(Map.of(
                        "PORT", "http",
                        "INACTIVITY_PERIOD", "90 days",
                        "LOCKOUT_THRESHOLD", "0",
                        "DUA_VALID_FOR", "P-3Y",
                        "DATABASE_URL", "mysql://db/miic",
                        "SLACK_API_URL", "localhost:8080")));
        assertThat(e.problems()).hasSize(6);
        assertThat(e.problems())
                .anySatisfy(p -> assertThat(p).startsWith("PORT: "))
                .anySatisfy(p -> assertThat(p).startsWith("INACTIVITY_PERIOD: ").contains("P90D"))
                .anySatisfy(p -> assertThat(p).startsWith("LOCKOUT_THRESHOLD: "))
                .anySatisfy(p -> assertThat(p).startsWith("DUA_VALID_FOR: "))
                .anySatisfy(p -> assertThat(p).startsWith("DATABASE_URL: "))
                .anySatisfy(p -> assertThat(p).startsWith("SLACK_API_URL: "));
    }

    @Test
    void a_bearer_token_shorter_than_32_characters_is_refused_on_one_line() {
        ConfigException e = catchThrowableOfType(
                ConfigException.class,
                () -> Config.from(Map.of("ACCOUNT_API_TOKEN", "secret", "METRICS_TOKEN", "x".repeat(31))));
        assertThat(e.problems())
                .containsExactlyInAnyOrder(
                        "ACCOUNT_API_TOKEN: too short (6 characters): use at least 32, e.g. openssl rand -hex 32",
                        "METRICS_TOKEN: too short (31 characters): use at least 32, e.g. openssl rand -hex 32");
        assertThat(Config.from(Map.of("ACCOUNT_API_TOKEN", "y".repeat(32))).accountApiToken())
                .hasValue("y".repeat(32));
    }

    @Test
    void the_migration_role_comes_with_a_database_url_and_the_url_is_logged_without_credentials() {
        Config config = Config.from(Map.of(
                "DATABASE_URL", "jdbc:postgresql://db/miic?user=bot&password=hunter2",
                "DATABASE_MIGRATION_USER", "miic_owner",
                "DATABASE_MIGRATION_PASSWORD", "owner-pw",
                "DELIVERY_KEY", "q3mVb1o0cJ0xX8yZbC6lK2rN5sT7uW9yA1dF4gH6jK8="));
        assertThat(config.migrationDatabase()).hasValueSatisfying(m -> {
            assertThat(m.user()).isEqualTo("miic_owner");
            assertThat(m.password()).isEqualTo("owner-pw");
        });
        assertThat(config.database().orElseThrow().forLog()).isEqualTo("jdbc:postgresql://db/miic");
        assertThat(config.database().orElseThrow().toString()).doesNotContain("hunter2");
        ConfigException alone = catchThrowableOfType(
                ConfigException.class, () -> Config.from(Map.of("DATABASE_MIGRATION_USER", "miic_owner")));
        assertThat(alone.problems()).singleElement().satisfies(p -> assertThat(p)
                .startsWith("DATABASE_MIGRATION_USER: needs DATABASE_URL"));
    }

    @Test
    void database_urls_are_accepted_in_both_forms() {
        DatabaseUrl heroku =
                DatabaseUrl.parse("postgres://miic:s%40cret@db.internal:6543/miic?sslmode=require", null, null);
        assertThat(heroku.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/miic?sslmode=require");
        assertThat(heroku.user()).isEqualTo("miic");
        assertThat(heroku.password()).isEqualTo("s@cret");
        assertThat(heroku.toString()).doesNotContain("s@cret");
        DatabaseUrl jdbc = DatabaseUrl.parse("jdbc:postgresql://localhost/miic", "bot", "pw");
        assertThat(jdbc.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/miic");
        assertThat(jdbc.user()).isEqualTo("bot");
        assertThat(DatabaseUrl.parse("postgresql://localhost/miic", "bot", "pw").jdbcUrl())
                .isEqualTo("jdbc:postgresql://localhost:5432/miic");
    }

    @Test
    void a_database_url_needs_the_delivery_key_every_instance_shares_and_the_embedded_default_keeps_its_own() {
        var missing = org.assertj.core.api.Assertions.catchThrowableOfType(
                ConfigException.class,
                () -> Config.from(Map.of("DATABASE_URL", "jdbc:postgresql://db/miic", "DATABASE_USER", "bot")));
        assertThat(missing.problems()).singleElement().satisfies(p -> assertThat(p)
                .startsWith("DELIVERY_KEY: missing")
                .contains("openssl rand -base64 32"));

        var bad = org.assertj.core.api.Assertions.catchThrowableOfType(
                ConfigException.class,
                () -> Config.from(Map.of(
                        "DATABASE_URL",
                        "jdbc:postgresql://db/miic",
                        "DATABASE_USER",
                        "bot",
                        "DELIVERY_KEY",
                        "c2hvcnQ=")));
        assertThat(bad.problems())
                .singleElement()
                .satisfies(p -> assertThat(p).startsWith("DELIVERY_KEY: ").contains("5 bytes"));

        Config embedded = Config.from(Map.of("MIIC_DATA_DIR", "/var/lib/miic/postgres"));
        assertThat(embedded.deliveryKey()).isEmpty();
        assertThat(embedded.embeddedDeliveryKeyFile()).isEqualTo(java.nio.file.Path.of("/var/lib/miic/delivery.key"));
        assertThat(embedded.deliveryDeadline()).isEqualTo(java.time.Duration.ofMinutes(5));
        assertThat(Config.from(Map.of("DELIVERY_DEADLINE", "PT2M")).deliveryDeadline())
                .isEqualTo(java.time.Duration.ofMinutes(2));
    }
}
