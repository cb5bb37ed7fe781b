package mn.miic.helpdesk.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Logs for people at a terminal, JSON for machines, LOG_FORMAT over both. */
class LogFormatTest {

    @Test
    void a_terminal_gets_text_and_anything_else_json() {
        assertThat(LogFormat.choose(Map.of(), true)).isEqualTo("text");
        assertThat(LogFormat.choose(Map.of(), false)).isEqualTo("json");
    }

    @Test
    void log_format_wins_either_way_and_anything_else_it_says_is_ignored() {
        assertThat(LogFormat.choose(Map.of("LOG_FORMAT", "json"), true)).isEqualTo("json");
        assertThat(LogFormat.choose(Map.of("LOG_FORMAT", " TEXT "), false)).isEqualTo("text");
        assertThat(LogFormat.choose(Map.of("LOG_FORMAT", "xml"), true)).isEqualTo("text");
        assertThat(LogFormat.choose(Map.of("LOG_FORMAT", "xml"), false)).isEqualTo("json");
    }
}
