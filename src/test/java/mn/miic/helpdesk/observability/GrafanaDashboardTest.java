package mn.miic.helpdesk.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard in {@code dev/grafana} against what {@code /metrics} exports: every query names only metrics
 * the bot exports, and every metric the bot exports is on some panel.
 */
class GrafanaDashboardTest {

    private static final Path DASHBOARD = Path.of("dev/grafana/miic-helpdesk.json");
    private static final Pattern METRIC = Pattern.compile("miic_[a-z0-9_]+");

    @Test
    void everyQueryNamesAnExportedMetricAndEveryExportedMetricHasAPanel() throws IOException {
        // Each meter once, so that every family is exported whatever ran before in this JVM.
        Meters.httpRequest("/healthz", 200, Duration.ofMillis(1));
        Meters.useCase("SEARCH", "done");
        Meters.signIn("ok");
        Meters.slackCall("chat.postMessage", "ok");
        Meters.sweep(0, 0, Duration.ZERO);
        Meters.outboxEnded("ChangeNotice", "DELIVERED");
        Meters.outboxRetry("ChangeNotice", "unavailable");
        Meters.outboxPending(() -> 0);
        Meters.busy();
        Meters.requestAsked("UNLOCK");
        Meters.requestEscalated();
        Meters.requestExpired();
        Meters.requestFirstResponse(Duration.ofMinutes(3), "site");
        Meters.requestDecided(Duration.ofMinutes(3), "site", "approved");
        Set<String> samples = new TreeSet<>();
        Set<String> families = new TreeSet<>();
        for (String line : Meters.scrape().split("\n")) {
            if (line.startsWith("# TYPE ")) {
                families.add(line.split(" ")[2]);
            } else if (!line.startsWith("#") && !line.isBlank()) {
                samples.add(line.split("[{ ]")[0]);
            }
        }
        Set<String> queried = new TreeSet<>();
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        for (JsonNode expr : dashboard.findValues("expr")) {
            Matcher m = METRIC.matcher(expr.asText());
            while (m.find()) {
                queried.add(m.group());
            }
        }

        assertThat(queried).as("metrics the dashboard queries").isNotEmpty();
        assertThat(samples).as("exported samples").containsAll(queried);
        for (String family : families) {
            if (!family.startsWith("miic_")) {
                continue;
            }
            // A timer's _max rides with it: its family is on the dashboard when the timer is.
            String base = family.endsWith("_max") ? family.substring(0, family.length() - 4) : family;
            assertThat(queried)
                    .as("a panel for %s", family)
                    .anyMatch(q -> q.equals(family) || q.equals(base) || q.startsWith(base + "_"));
        }
    }
}
