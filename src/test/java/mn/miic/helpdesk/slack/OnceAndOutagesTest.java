package mn.miic.helpdesk.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static mn.miic.helpdesk.db.jooq.Tables.OUTBOX_MESSAGE;
import static mn.miic.helpdesk.support.BlockKit.textOf;
import static mn.miic.helpdesk.support.BlockKit.valueOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.accounts.store.AccountRepository;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.audit.AuditEntry;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationKind;
import mn.miic.helpdesk.support.SlackHarness;
import mn.miic.helpdesk.support.SwitchableDataSource;
import mn.miic.helpdesk.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Retries and double clicks act once, on one instance or two; outages of the database or Slack lose nothing. */
class OnceAndOutagesTest {

    private final SwitchableDataSource database = new SwitchableDataSource(TestDatabase.fresh());
    private final SlackHarness slack = new SlackHarness(database);
    private final Organization clinic = slack.fixtures.org("TEST1", OrganizationKind.CLINIC);
    private final Account admin =
            slack.link(slack.fixtures.account(clinic).role(Role.ADMINISTRATOR).create(), "U0ADMIN");

    @AfterEach
    void stop() {
        slack.close();
    }

    @Test
    void aRetriedSlashCommandIsAnsweredOnce() throws Exception {
        Account locked = slack.fixtures.account(clinic).locked().create();
        String responseUrl = "/respond/" + UUID.randomUUID();
        String body =
                slack.commandBody("U0ADMIN", "unlock " + locked.username(), responseUrl, SlackHarness.newTrigger());

        assertThat(slack.postSigned(body, Map.of()).statusCode()).isEqualTo(200);
        assertThat(slack.postSigned(body, Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"))
                        .statusCode())
                .isEqualTo(200);
        slack.reply(responseUrl);
        Thread.sleep(500);
        assertThat(slack.replies(responseUrl)).hasSize(1);

        slack.click(
                "U0ADMIN", responseUrl, Ids.Actions.CONFIRM, valueOf(slack.reply(responseUrl), Ids.Actions.CONFIRM));
        slack.reply(responseUrl, 2);
        assertThat(doneOf(locked, AuditAction.UNLOCK)).hasSize(1);
    }

    @RepeatedTest(3)
    void aDoubleClickedResetChangesTheAccountOnceEvenAcrossTwoInstances() throws Exception {
        Account target = slack.link(slack.fixtures.account(clinic).create(), "U0TARGET");
        int second = slack.startInstance();
        int first = slack.port();
        String replies = slack.command("U0ADMIN", "reset " + target.username());
        String yes = valueOf(slack.reply(replies), Ids.Actions.CONFIRM);

        CountDownLatch go = new CountDownLatch(1);
        var a = CompletableFuture.runAsync(() -> clickAfter(go, first, replies, yes));
        var b = CompletableFuture.runAsync(() -> clickAfter(go, second, replies, yes));
        go.countDown();
        CompletableFuture.allOf(a, b).get();

        slack.reply(replies, 3);
        assertThat(doneOf(target, AuditAction.RESET_PASSWORD)).hasSize(1);
        assertThat(slack.awaitDm("U0TARGET", 1)).isNotNull();
        Thread.sleep(300);
        assertThat(slack.dmsTo("U0TARGET")).as("one password, one DM").hasSize(1);
        assertThat(textOf(slack.replies(replies).get(1))
                        + textOf(slack.replies(replies).get(2)))
                .contains("Reset the password")
                .contains("already done");
    }

    private void clickAfter(CountDownLatch go, int port, String replies, String value) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        slack.clickOn(port, "U0ADMIN", replies, Ids.Actions.CONFIRM, value);
    }

    @Test
    void whenNoDmCanBeDeliveredTheResetIsUndoneAndTheAdministratorTold() {
        slack.slack.stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
                .willReturn(okJson("{\"ok\":false,\"error\":\"channel_not_found\"}")));
        Account target = slack.fixtures
                .account(clinic)
                .password("Correct-Horse-Battery-7")
                .create();
        String hashBefore =
                new AccountRepository(slack.dsl).credential(target.id()).passwordHash();

        String replies = slack.command("U0ADMIN", "reset " + target.username());
        slack.click("U0ADMIN", replies, Ids.Actions.CONFIRM, valueOf(slack.reply(replies), Ids.Actions.CONFIRM));

        assertThat(textOf(slack.reply(replies, 2))).contains("could not deliver", "old password", "still works");
        assertThat(new AccountRepository(slack.dsl).credential(target.id()).passwordHash())
                .isEqualTo(hashBefore);
        assertThat(slack.auditOf(target)).anyMatch(e -> e.action() == AuditAction.UNDO_TEMPORARY_PASSWORD);
    }

    @Test
    void a429FromSlackIsWaitedOutAndThePasswordStillDelivered() {
        slack.slack.stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
                .inScenario("rate limit")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "1")
                        .withBody("{\"ok\":false,\"error\":\"ratelimited\"}"))
                .willSetStateTo("waited"));
        slack.slack.stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
                .inScenario("rate limit")
                .whenScenarioStateIs("waited")
                .willReturn(okJson("{\"ok\":true,\"channel\":\"D1\",\"ts\":\"1.2\"}")));
        Account target = slack.link(slack.fixtures.account(clinic).create(), "U0TARGET");

        String replies = slack.command("U0ADMIN", "reset " + target.username());
        slack.click("U0ADMIN", replies, Ids.Actions.CONFIRM, valueOf(slack.reply(replies), Ids.Actions.CONFIRM));
        slack.awaitDm("U0TARGET", 1);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> slack.dsl.fetchExists(
                        OUTBOX_MESSAGE,
                        OUTBOX_MESSAGE.LAST_ERROR.contains("rate-limited").and(OUTBOX_MESSAGE.LEASED_UNTIL.isNull())));
        assertThat(slack.replies(replies))
                .as("nobody waits on Slack's second: nothing yet")
                .hasSize(1);

        // The outbox tries again once Retry-After has passed by the bot's clock.
        slack.advance(Duration.ofSeconds(2));

        assertThat(textOf(slack.reply(replies, 2))).contains("sent by DM to");
        List<Map<String, String>> attempts = slack.dmsTo("U0TARGET");
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).get("blocks")).isEqualTo(attempts.get(1).get("blocks"));
        assertThat(doneOf(target, AuditAction.UNDO_TEMPORARY_PASSWORD)).isEmpty();
    }

    @Test
    void aDatabaseOutageIsSaidPlainlyAndChangesNothing() {
        Account locked = slack.fixtures.account(clinic).locked().create();
        String replies = slack.command("U0ADMIN", "unlock " + locked.username());
        String yes = valueOf(slack.reply(replies), Ids.Actions.CONFIRM);

        database.down(true);
        slack.click("U0ADMIN", replies, Ids.Actions.CONFIRM, yes);
        assertThat(textOf(slack.reply(replies, 2))).contains("MIIC is unreachable right now; nothing was changed");
        database.down(false);

        assertThat(slack.reload(locked).locked()).isTrue();
        // Nothing was lost: the same button works once the database is back.
        slack.click("U0ADMIN", replies, Ids.Actions.CONFIRM, yes);
        assertThat(textOf(slack.reply(replies, 3))).contains("Unlocked");
        assertThat(slack.reload(locked).locked()).isFalse();
    }

    private List<AuditEntry> doneOf(Account account, AuditAction action) {
        return slack.auditOf(account).stream()
                .filter(e -> e.action() == action && e.outcome() == AuditEntry.Outcome.DONE)
                .toList();
    }
}
