package mn.miic.helpdesk.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static mn.miic.helpdesk.support.BlockKit.textOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.organizations.OrganizationKind;
import mn.miic.helpdesk.support.SlackHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code GET /metrics}: what Prometheus scrapes, after real traffic. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsTest {

    private static final String API_TOKEN = "metrics-api-token-0123456789abcdef0123";
    private static final String METRICS_TOKEN = "scrape-token-0123456789abcdef0123456789";

    private final SlackHarness slack =
            new SlackHarness(Map.of("ACCOUNT_API_TOKEN", API_TOKEN, "METRICS_TOKEN", METRICS_TOKEN));
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterAll
    void stop() {
        slack.close();
    }

    @Test
    void requestsAcksUseCasesSignInsAndSlackCallsAreCounted() throws Exception {
        var clinic = slack.fixtures.org("MET1", OrganizationKind.CLINIC);
        slack.fixtures
                .account(clinic)
                .role(Role.ADMINISTRATOR)
                .email("metrics.admin@example.org")
                .create();
        // Slack rate-limits the first users.info once; the bot waits and asks again.
        slack.slack.stubFor(post(urlPathEqualTo("/api/users.info"))
                .atPriority(1)
                .withRequestBody(containing("user=U0METRICS"))
                .inScenario("limited")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
                .willSetStateTo("waited"));
        slack.slack.stubFor(post(urlPathEqualTo("/api/users.info"))
                .atPriority(1)
                .withRequestBody(containing("user=U0METRICS"))
                .inScenario("limited")
                .whenScenarioStateIs("waited")
                .willReturn(okJson("{\"ok\":true,\"user\":{\"id\":\"U0METRICS\",\"profile\":{\"email\":"
                        + "\"metrics.admin@example.org\"}}}")));

        assertThat(textOf(slack.reply(slack.command("U0METRICS", "whoami")))).contains("MET1");
        http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + slack.port() + "/api/v1/sign-in"))
                        .header("Authorization", "Bearer " + API_TOKEN)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"organization_code\":\"MET1\",\"username\":\"nobody1\",\"password\":\"x\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        for (String wrong : new String[] {null, "Bearer " + API_TOKEN, "Bearer " + METRICS_TOKEN + "x"}) {
            var ask = HttpRequest.newBuilder(URI.create("http://localhost:" + slack.port() + "/metrics"));
            if (wrong != null) {
                ask.header("Authorization", wrong);
            }
            HttpResponse<String> refused = http.send(ask.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode())
                    .as("without its own token: " + wrong)
                    .isEqualTo(401);
            assertThat(refused.body()).doesNotContain("miic_");
        }
        HttpResponse<String> scraped = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + slack.port() + "/metrics"))
                        .header("Authorization", "Bearer " + METRICS_TOKEN)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        String metrics = scraped.body();
        assertThat(metrics)
                .contains("miic_http_requests_seconds_count{path=\"/slack/events\",status=\"200\"}")
                .contains("miic_http_requests_seconds{path=\"/slack/events\",status=\"200\",quantile=\"0.99\"}")
                .contains("miic_use_cases_total{action=\"LINK_SLACK_USER\",outcome=\"done\"}")
                .contains("miic_sign_ins_total{outcome=\"invalid_credentials\"}")
                .contains("miic_slack_api_calls_total{method=\"users.info\",result=\"rate_limited\"}")
                .contains("miic_slack_api_calls_total{method=\"users.info\",result=\"ok\"}");
    }
}
