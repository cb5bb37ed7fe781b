package mn.miic.helpdesk.observability;

import ch.qos.logback.core.PropertyDefinerBase;
import java.util.Locale;
import java.util.Map;

/**
 * Which appender {@code logback.xml} writes with: {@code LOG_FORMAT} when it says json or text; otherwise text for a
 * person at a terminal and JSON for everything else (a log collector, a file, a pipe).
 */
public final class LogFormat extends PropertyDefinerBase {

    @Override
    public String getPropertyValue() {
        return choose(System.getenv(), System.console() != null);
    }

    static String choose(Map<String, String> env, boolean terminal) {
        String asked = env.getOrDefault("LOG_FORMAT", System.getProperty("LOG_FORMAT", ""))
                .trim()
                .toLowerCase(Locale.ROOT);
        if (asked.equals("json") || asked.equals("text")) {
            return asked;
        }
        return terminal ? "text" : "json";
    }
}
