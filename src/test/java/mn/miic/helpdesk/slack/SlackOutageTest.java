package mn.miic.helpdesk.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static mn.miic.helpdesk.db.jooq.Tables.OUTBOX_MESSAGE;
import static mn.miic.helpdesk.support.BlockKit.valueOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import mn.miic.helpdesk.Threads;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationKind;
import mn.miic.helpdesk.outbox.OutboxStatus;
import mn.miic.helpdesk.support.BlockKit;
import mn.miic.helpdesk.support.SlackHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Slack answers 500, then 429 with a Retry-After of a minute, then recovers, on the bot's production threads: what the
 * bot owes is neither lost nor doubled, no thread waits on Slack meanwhile, and commands are still acknowledged in
 * milliseconds.
 */
class SlackOutageTest {

    private final SlackHarness slack = new SlackHarness();
    private final Organization clinic = slack.fixtures.org("OUT1", OrganizationKind.CLINIC);
    private final int port;
    private final List<Account> owners = new ArrayList<>();

    SlackOutageTest() {
        slack.link(slack.fixtures.account(clinic).role(Role.ADMINISTRATOR).create(), "U0ADMIN");
        for (int i = 0; i < 5; i++) {
            owners.add(slack.link(slack.fixtures.account(clinic).create(), "U0OWNER" + i));
        }
        port = slack.startInstance(Threads.pooled());
    }

    @AfterEach
    void stop() {
        slack.close();
    }

    @Test
    void nothing_is_lost_or_doubled_no_thread_waits_and_commands_are_acknowledged_at_once() throws Exception {
        StubMapping failing = slack.slack.stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(500).withBody("{\"ok\":false}")));
        for (Account owner : owners) {
            String replies = slack.command("U0ADMIN", "reset " + owner.username());
            slack.clickOn(
                    port, "U0ADMIN", replies, Ids.Actions.CONFIRM, valueOf(slack.reply(replies), Ids.Actions.CONFIRM));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> attemptedPasswords() == owners.size());

        // Slack now says: wait a minute.
        slack.slack.removeStub(failing);
        StubMapping limited = slack.slack.stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "60")
                        .withBody("{\"ok\":false,\"error\":\"ratelimited\"}")));
        slack.time.advance(Duration.ofSeconds(5)); // past the first back-off: each is tried again, and told 60 s
        await().atMost(Duration.ofSeconds(20)).until(() -> rateLimitedPasswords() == owners.size());

        long slowest = 0;
        for (int i = 0; i < 20; i++) {
            long started = System.nanoTime();
            var ack = slack.postSignedTo(
                    port, slack.commandBody("U0ADMIN", "whoami", "/respond/ack-" + i, SlackHarness.newTrigger()));
            slowest = Math.max(slowest, (System.nanoTime() - started) / 1_000_000);
            assertThat(ack.statusCode()).isEqualTo(200);
        }
        assertThat(slowest).as("the slowest of 20 acknowledgements, in ms").isLessThan(500);
        assertThat(threadsWaitingOnSlack())
                .as("no thread sleeps on Slack's Retry-After")
                .isEmpty();

        slack.slack.removeStub(limited);
        slack.time.advance(Duration.ofSeconds(61));
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveredPasswords() == owners.size());

        for (int i = 0; i < owners.size(); i++) {
            String owner = "U0OWNER" + i;
            assertThat(slack.slack.getAllServeEvents().stream()
                            .filter(e -> e.getRequest().getUrl().startsWith("/api/chat.postMessage"))
                            .filter(e -> e.getResponse().getStatus() == 200)
                            .map(e -> BlockKit.form(e.getRequest()))
                            .filter(f -> owner.equals(f.get("channel")))
                            .count())
                    .as("%s got exactly one DM", owner)
                    .isOne();
        }
    }

    private int attemptedPasswords() {
        return slack.dsl.fetchCount(
                OUTBOX_MESSAGE, OUTBOX_MESSAGE.KIND.eq("TemporaryPassword").and(OUTBOX_MESSAGE.LAST_ERROR.isNotNull()));
    }

    private int rateLimitedPasswords() {
        return slack.dsl.fetchCount(
                OUTBOX_MESSAGE,
                OUTBOX_MESSAGE
                        .KIND
                        .eq("TemporaryPassword")
                        .and(OUTBOX_MESSAGE.LAST_ERROR.contains("rate-limited"))
                        .and(OUTBOX_MESSAGE.LEASED_UNTIL.isNull()));
    }

    private int deliveredPasswords() {
        return slack.dsl.fetchCount(
                OUTBOX_MESSAGE,
                OUTBOX_MESSAGE
                        .KIND
                        .eq("TemporaryPassword")
                        .and(OUTBOX_MESSAGE.STATUS.eq(OutboxStatus.DELIVERED.name())));
    }

    private static List<String> threadsWaitingOnSlack() {
        List<String> waiting = new ArrayList<>();
        for (Map.Entry<Thread, StackTraceElement[]> t :
                Thread.getAllStackTraces().entrySet()) {
            if (Arrays.stream(t.getValue())
                    .anyMatch(f -> f.getClassName().endsWith("SlackApi")
                            && f.getMethodName().equals("sleep"))) {
                waiting.add(t.getKey().getName());
            }
        }
        return waiting;
    }
}
