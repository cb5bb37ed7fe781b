package mn.miic.helpdesk.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static mn.miic.helpdesk.db.jooq.Tables.ACCOUNT;
import static mn.miic.helpdesk.db.jooq.Tables.HELP_REQUEST;
import static mn.miic.helpdesk.db.jooq.Tables.SLACK_LINK;
import static mn.miic.helpdesk.support.BlockKit.textOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.organizations.OrganizationKind;
import mn.miic.helpdesk.support.SlackHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A workspace where nobody has used the bot yet: a person's first commands link them by their profile's email. Slack
 * is slow to answer users.info here, so that two first commands surely both find no link before either makes one.
 */
class FirstUseTest {

    private final SlackHarness slack = new SlackHarness();

    @AfterEach
    void stop() {
        slack.close();
    }

    private Account newcomer(String slackUserId, String email) {
        Account account = slack.fixtures
                .account(slack.fixtures.org("FIRST1", OrganizationKind.CLINIC))
                .role(Role.ADMINISTRATOR)
                .email(email)
                .create();
        slack.slack.stubFor(post(urlPathEqualTo("/api/users.info"))
                .atPriority(1)
                .withRequestBody(containing("user=" + slackUserId))
                .willReturn(okJson("{\"ok\":true,\"user\":{\"id\":\"" + slackUserId + "\",\"profile\":{\"email\":\""
                                + email + "\"}}}")
                        .withFixedDelay(400)));
        return account;
    }

    @Test
    void two_first_commands_at_the_same_instant_are_both_answered_and_make_one_link() throws Exception {
        Account account = newcomer("U0TWICE", "pat.twice@clinic.example.org");
        String first = "/respond/" + UUID.randomUUID();
        String second = "/respond/" + UUID.randomUUID();

        atOnce(
                slack.commandBody("U0TWICE", "whoami", first, SlackHarness.newTrigger()),
                slack.commandBody("U0TWICE", "whoami", second, SlackHarness.newTrigger()),
                Map.of());

        for (String responseUrl : List.of(first, second)) {
            String answer = textOf(slack.reply(responseUrl));
            assertThat(answer).contains(account.username()).doesNotContain("Something went wrong");
        }
        assertThat(slack.dsl.fetchCount(SLACK_LINK, SLACK_LINK.SLACK_USER_ID.eq("U0TWICE")))
                .isOne();
        assertThat(slack.auditOf(account))
                .filteredOn(e -> e.action() == AuditAction.LINK_SLACK_USER)
                .as("linked once, recorded once")
                .hasSize(1);
    }

    @Test
    void slacks_retry_racing_the_original_first_command_is_answered_once() throws Exception {
        Account account = newcomer("U0RETRY", "pat.retry@clinic.example.org");
        String responseUrl = "/respond/" + UUID.randomUUID();
        String body = slack.commandBody("U0RETRY", "whoami", responseUrl, SlackHarness.newTrigger());

        atOnce(body, body, Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"));

        assertThat(textOf(slack.reply(responseUrl))).contains(account.username());
        Thread.sleep(1_000); // the retry would have been answered by now
        assertThat(slack.replies(responseUrl)).hasSize(1);
        assertThat(slack.dsl.fetchCount(SLACK_LINK, SLACK_LINK.SLACK_USER_ID.eq("U0RETRY")))
                .isOne();
    }

    @Test
    void a_locked_out_newcomers_request_sent_twice_at_once_is_asked_once_and_both_are_answered() throws Exception {
        Account account = newcomer("U0LOCKEDOUT", "pat.locked@clinic.example.org");
        slack.dsl
                .update(ACCOUNT)
                .set(ACCOUNT.LOCKED, true)
                .where(ACCOUNT.ID.eq(account.id()))
                .execute();
        String first = "/respond/" + UUID.randomUUID();
        String second = "/respond/" + UUID.randomUUID();

        atOnce(
                slack.commandBody("U0LOCKEDOUT", "request unlock", first, SlackHarness.newTrigger()),
                slack.commandBody("U0LOCKEDOUT", "request unlock", second, SlackHarness.newTrigger()),
                Map.of());

        List<String> answers = List.of(textOf(slack.reply(first)), textOf(slack.reply(second)));
        assertThat(answers).allSatisfy(a -> assertThat(a).doesNotContain("Something went wrong"));
        assertThat(answers).anySatisfy(a -> assertThat(a).contains("sent"));
        assertThat(answers).anySatisfy(a -> assertThat(a).contains("already asked"));
        assertThat(slack.dsl.fetchCount(HELP_REQUEST, HELP_REQUEST.ACCOUNT_ID.eq(account.id())))
                .isOne();
    }

    /** Sends both at the same instant; both must be acknowledged. The second carries the extra headers. */
    private void atOnce(String a, String b, Map<String, String> secondHeaders) throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        CompletableFuture<HttpResponse<String>> one = CompletableFuture.supplyAsync(() -> {
            await(together);
            return slack.postSigned(a, Map.of());
        });
        CompletableFuture<HttpResponse<String>> two = CompletableFuture.supplyAsync(() -> {
            await(together);
            return slack.postSigned(b, secondHeaders);
        });
        assertThat(one.get().statusCode()).isEqualTo(200);
        assertThat(two.get().statusCode()).isEqualTo(200);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(Duration.ofSeconds(5).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
