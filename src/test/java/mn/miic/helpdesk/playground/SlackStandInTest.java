package mn.miic.helpdesk.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The playground's Slack answers the bot as Slack does: same fields, same error codes, same ephemeral rules. */
class SlackStandInTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "xoxb-playground-test";

    private final PlaygroundClock time =
            new PlaygroundClock(Clock.fixed(Instant.parse("2026-06-01T15:00:00Z"), ZoneOffset.UTC));
    private final SlackStandIn slack = new SlackStandIn(Workspace.demo(), TOKEN, () -> time);

    private ObjectNode call(String method, Map<String, String> params) {
        return slack.call(method, "Bearer " + TOKEN, params);
    }

    @Test
    void the_token_is_checked_as_slack_checks_it() {
        assertThat(slack.call("auth.test", null, Map.of()).path("error").asText())
                .isEqualTo("not_authed");
        assertThat(slack.call("auth.test", "Bearer xoxb-other", Map.of())
                        .path("error")
                        .asText())
                .isEqualTo("invalid_auth");
        ObjectNode ok = call("auth.test", Map.of());
        assertThat(ok.path("ok").asBoolean()).isTrue();
        assertThat(ok.path("team_id").asText()).isEqualTo(Workspace.TEAM_ID);
        assertThat(call("conversations.list", Map.of()).path("error").asText()).isEqualTo("unknown_method");
    }

    @Test
    void people_are_found_by_id_and_by_email_in_any_case_and_nobody_else_is() {
        JsonNode minnie = call("users.info", Map.of("user", "U0MINNIE")).path("user");
        assertThat(minnie.path("profile").path("email").asText()).isEqualTo("minnie.mouse@email.com");
        assertThat(minnie.path("team_id").asText()).isEqualTo(Workspace.TEAM_ID);
        assertThat(minnie.path("is_restricted").asBoolean()).isFalse();
        assertThat(call("users.info", Map.of("user", "U0NOBODY")).path("error").asText())
                .isEqualTo("user_not_found");
        assertThat(call("users.lookupByEmail", Map.of("email", "Minnie.Mouse@Email.com"))
                        .path("user")
                        .path("id")
                        .asText())
                .isEqualTo("U0MINNIE");
        // The user an administrator adds in the story has no Slack account.
        assertThat(call("users.lookupByEmail", Map.of("email", "front.desk@testclinic.example.org"))
                        .path("error")
                        .asText())
                .isEqualTo("users_not_found");
    }

    @Test
    void a_message_to_a_person_lands_in_their_dm_and_is_updated_in_place() {
        ObjectNode posted = call("chat.postMessage", Map.of("channel", "U0MICKEY", "text", "hello", "blocks", "[]"));
        assertThat(posted.path("channel").asText()).isEqualTo("D0MICKEY");
        String ts = posted.path("ts").asText();
        assertThat(call("chat.update", Map.of("channel", "D0MICKEY", "ts", ts, "text", "edited"))
                        .path("ok")
                        .asBoolean())
                .isTrue();
        JsonNode seen = dm(slack.seenBy("U0MICKEY"));
        assertThat(seen.path("messages")).hasSize(1);
        assertThat(seen.path("messages").get(0).path("text").asText()).isEqualTo("edited");
        assertThat(seen.path("messages").get(0).path("edited").asBoolean()).isTrue();
        // Nobody else sees Mickey's DM.
        assertThat(dm(slack.seenBy("U0MINNIE")).path("messages")).isEmpty();
        assertThat(call("chat.update", Map.of("channel", "D0MICKEY", "ts", "1.000001", "text", "x"))
                        .path("error")
                        .asText())
                .isEqualTo("message_not_found");
        assertThat(call("chat.postMessage", Map.of("channel", "C0NOWHERE", "text", "x"))
                        .path("error")
                        .asText())
                .isEqualTo("channel_not_found");
        assertThat(call("chat.postMessage", Map.of("channel", "U0MICKEY", "blocks", "{}"))
                        .path("error")
                        .asText())
                .isEqualTo("invalid_blocks");
        assertThat(call("chat.postMessage", Map.of("channel", "U0MICKEY"))
                        .path("error")
                        .asText())
                .isEqualTo("no_text");
    }

    @Test
    void a_trigger_opens_one_modal_within_three_seconds_for_the_person_it_was_given_to() {
        String view =
                "{\"type\":\"modal\",\"callback_id\":\"add\",\"title\":{\"type\":\"plain_text\",\"text\":\"Add\"}}";
        String trigger = slack.newTrigger("U0MINNIE");
        assertThat(call("views.open", Map.of("trigger_id", trigger, "view", view))
                        .path("ok")
                        .asBoolean())
                .isTrue();
        assertThat(slack.topModal("U0MINNIE")).isPresent();
        assertThat(slack.topModal("U0MICKEY")).isEmpty();
        assertThat(call("views.open", Map.of("trigger_id", trigger, "view", view))
                        .path("error")
                        .asText())
                .isEqualTo("invalid_trigger_id");
        String late = slack.newTrigger("U0MINNIE");
        time.skip(Duration.ofSeconds(4));
        assertThat(call("views.open", Map.of("trigger_id", late, "view", view))
                        .path("error")
                        .asText())
                .isEqualTo("expired_trigger_id");
    }

    @Test
    void a_submission_answered_with_push_then_clear_stacks_then_closes_every_view() {
        String trigger = slack.newTrigger("U0MINNIE");
        call("views.open", Map.of("trigger_id", trigger, "view", "{\"type\":\"modal\",\"callback_id\":\"a\"}"));
        String first = slack.topModal("U0MINNIE").orElseThrow().path("id").asText();
        slack.afterSubmission("U0MINNIE", first, "push", JSON.createObjectNode().put("type", "modal"));
        assertThat(slack.seenBy("U0MINNIE").path("modals")).hasSize(2);
        String second = slack.topModal("U0MINNIE").orElseThrow().path("id").asText();
        assertThat(second).isNotEqualTo(first);
        slack.close("U0MINNIE", second);
        assertThat(slack.seenBy("U0MINNIE").path("modals")).hasSize(1);
        slack.afterSubmission("U0MINNIE", first, "clear", null);
        assertThat(slack.seenBy("U0MINNIE").path("modals")).isEmpty();
    }

    @Test
    void the_home_tab_takes_only_a_home_view_for_a_member() {
        assertThat(call("views.publish", Map.of("user_id", "U0BRUCE", "view", "{\"type\":\"modal\"}"))
                        .path("error")
                        .asText())
                .isEqualTo("invalid_arguments");
        assertThat(call("views.publish", Map.of("user_id", "U0NOBODY", "view", "{\"type\":\"home\"}"))
                        .path("error")
                        .asText())
                .isEqualTo("user_not_found");
        call("views.publish", Map.of("user_id", "U0BRUCE", "view", "{\"type\":\"home\",\"blocks\":[]}"));
        assertThat(slack.seenBy("U0BRUCE").path("home").path("type").asText()).isEqualTo("home");
        assertThat(slack.seenBy("U0MINNIE").path("home").isNull()).isTrue();
    }

    @Test
    void a_response_url_answers_ephemerally_to_one_person_and_replaces_or_deletes_the_message_clicked() {
        String channel = Workspace.HELPDESK_CHANNEL;
        String url = slack.responseUrlFor(new SlackStandIn.Origin("U0DIANA", channel, null));
        assertThat(slack.respond(
                        url, JSON.createObjectNode().put("text", "only Diana").put("response_type", "ephemeral")))
                .isTrue();
        JsonNode dianas = channel(slack.seenBy("U0DIANA")).path("messages");
        assertThat(dianas).hasSize(1);
        assertThat(dianas.get(0).path("ephemeral").asBoolean()).isTrue();
        assertThat(channel(slack.seenBy("U0WONDER")).path("messages")).isEmpty();

        String ts = dianas.get(0).path("ts").asText();
        String onIt = slack.responseUrlFor(new SlackStandIn.Origin("U0DIANA", channel, ts));
        slack.respond(onIt, JSON.createObjectNode().put("text", "replaced").put("replace_original", true));
        assertThat(channel(slack.seenBy("U0DIANA"))
                        .path("messages")
                        .get(0)
                        .path("text")
                        .asText())
                .isEqualTo("replaced");
        slack.respond(onIt, JSON.createObjectNode().put("delete_original", true));
        assertThat(channel(slack.seenBy("U0DIANA")).path("messages")).isEmpty();

        slack.respond(url, JSON.createObjectNode().put("text", "for all").put("response_type", "in_channel"));
        assertThat(channel(slack.seenBy("U0WONDER")).path("messages")).hasSize(1);
        assertThat(slack.respond("no-such-url", JSON.createObjectNode())).isFalse();
    }

    @Test
    void a_mention_typed_in_a_command_reaches_the_bot_escaped_as_slack_escapes_it() {
        SlackServers servers = new SlackServers(slack, "secret", () -> time);
        assertThat(servers.escapeMentions("link @Lone Star lonestar")).isEqualTo("link <@U0LONE|lone> lonestar");
        assertThat(servers.escapeMentions("unlock @iris west and @barbara"))
                .isEqualTo("unlock <@U0IRIS|iris> and <@U0BARBARA|barbara>");
        assertThat(servers.escapeMentions("mail minnie.mouse@email.com, see #miic-helpdesk"))
                .isEqualTo("mail minnie.mouse@email.com, see <#C0HELPDESK|miic-helpdesk>");
        assertThat(servers.escapeMentions("@nobody")).isEqualTo("@nobody");
    }

    @Test
    void time_only_moves_forward() {
        Instant before = time.instant();
        time.skip(Duration.ofMinutes(30));
        assertThat(time.instant()).isEqualTo(before.plus(Duration.ofMinutes(30)));
        assertThatThrownBy(() -> time.skip(Duration.ofMinutes(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_playground_empties_only_a_folder_of_its_own(@TempDir Path dir) throws Exception {
        Path real = dir.resolve("postgres");
        assertThatThrownBy(() -> Playground.fresh(real, real)).hasMessageContaining("MIIC_DATA_DIR");
        Path notOurs = Files.createDirectories(dir.resolve("documents"));
        Files.writeString(notOurs.resolve("letter.txt"), "keep me");
        assertThatThrownBy(() -> Playground.fresh(notOurs, real)).hasMessageContaining("other than its database");
        assertThat(notOurs.resolve("letter.txt")).exists();
        Path old = Files.createDirectories(dir.resolve("playground/base"));
        Files.writeString(old.getParent().resolve("PG_VERSION"), "16");
        assertThat(Playground.fresh(old.getParent(), real)).isEmptyDirectory();
    }

    @Test
    void a_second_playground_on_the_same_folder_is_refused(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("playground");
        try (var held = Playground.lock(folder)) {
            assertThatThrownBy(() -> Playground.lock(folder)).hasMessageContaining("already runs on");
        }
        // Let go, it can be taken again.
        Playground.lock(folder).close();
    }

    @Test
    void the_bot_is_configured_with_the_playgrounds_slack_and_keeps_the_operators_other_settings() {
        Map<String, String> env = new HashMap<>(
                Map.of("SLACK_API_URL", "https://slack.com/api/", "INACTIVITY_PERIOD", "P30D", "PORT", "3000"));
        var config = mn.miic.helpdesk.config.Config.from(env);
        Map<String, String> bot = Playground.botEnvironment(env, config, 4321, TOKEN, "s3cret");
        assertThat(bot)
                .containsEntry("SLACK_API_URL", "http://127.0.0.1:4321/api/")
                .containsEntry("INACTIVITY_PERIOD", "P30D")
                .containsEntry("PLAYGROUND", "off")
                .containsEntry("HELPDESK_CHANNEL_ID", Workspace.HELPDESK_CHANNEL)
                .doesNotContainKey("PORT");
        var botConfig = mn.miic.helpdesk.config.Config.from(bot);
        assertThat(botConfig.slackEnabled()).isTrue();
        assertThat(botConfig.playground()).isFalse();
        assertThat(botConfig.jobsEvery()).isEqualTo(Duration.ofSeconds(2));
        assertThat(botConfig.sweepEvery()).isEqualTo(Duration.ofSeconds(10));
        assertThat(botConfig.embeddedDataDirectory()).isEqualTo(config.playgroundDataDirectory());
    }

    private static JsonNode dm(JsonNode seen) {
        return conversation(seen, "app");
    }

    private static JsonNode channel(JsonNode seen) {
        return conversation(seen, "channel");
    }

    private static JsonNode conversation(JsonNode seen, String kind) {
        for (JsonNode c : seen.path("conversations")) {
            if (c.path("kind").asText().equals(kind)) {
                return c;
            }
        }
        throw new AssertionError(kind + " not in " + List.of(seen));
    }
}
