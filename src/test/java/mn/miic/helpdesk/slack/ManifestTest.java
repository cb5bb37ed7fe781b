package mn.miic.helpdesk.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import mn.miic.helpdesk.web.WebServer;
import org.junit.jupiter.api.Test;

/** {@code manifest.yml} creates the app as the code is: its command, events, scopes and Request URLs. */
class ManifestTest {

    private final JsonNode manifest = read();

    @Test
    void theSlashCommandsAreTheRegisteredOnes() {
        List<String> commands = new ArrayList<>();
        manifest.at("/features/slash_commands").forEach(c -> {
            commands.add(c.get("command").asText());
            assertThat(path(c.get("url").asText())).isEqualTo(WebServer.SLACK_PATH);
            // Mentions must arrive as <@U...> for "/miic unlock @someone" to name a linked account.
            assertThat(c.get("should_escape").asBoolean()).isTrue();
        });
        assertThat(commands).containsExactlyInAnyOrderElementsOf(SlackBot.COMMANDS);
    }

    @Test
    void theEventsAreTheHandledOnesAndTheHomeTabIsOn() {
        List<String> events = new ArrayList<>();
        manifest.at("/settings/event_subscriptions/bot_events").forEach(e -> events.add(e.asText()));
        assertThat(events).containsExactlyInAnyOrderElementsOf(SlackBot.EVENTS);
        assertThat(path(manifest.at("/settings/event_subscriptions/request_url").asText()))
                .isEqualTo(WebServer.SLACK_PATH);
        assertThat(manifest.at("/features/app_home/home_tab_enabled").asBoolean())
                .isEqualTo(SlackBot.EVENTS.contains("app_home_opened"));
    }

    @Test
    void interactivityPointsAtTheSameEndpoint() {
        assertThat(manifest.at("/settings/interactivity/is_enabled").asBoolean())
                .isTrue();
        assertThat(path(manifest.at("/settings/interactivity/request_url").asText()))
                .isEqualTo(WebServer.SLACK_PATH);
    }

    @Test
    void theScopesAreExactlyWhatTheWebApiCallsNeed() {
        Set<String> scopes = new TreeSet<>();
        manifest.at("/oauth_config/scopes/bot").forEach(s -> scopes.add(s.asText()));
        assertThat(scopes).isEqualTo(SlackApi.scopes());
        assertThat(manifest.at("/oauth_config/scopes/user").isMissingNode()).isTrue();
    }

    @Test
    void theBotUserExists() {
        assertThat(manifest.at("/features/bot_user/display_name").asText()).isNotBlank();
        assertThat(manifest.at("/display_information/name").asText().length()).isLessThanOrEqualTo(35);
    }

    private static String path(String url) {
        return URI.create(url).getPath();
    }

    private static JsonNode read() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(new File("manifest.yml"));
        } catch (IOException e) {
            throw new IllegalStateException("manifest.yml is missing or not YAML", e);
        }
    }
}
