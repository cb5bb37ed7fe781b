package mn.miic.helpdesk.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.SlackSignature;
import java.util.Map;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.organizations.OrganizationKind;
import mn.miic.helpdesk.support.BlockKit;
import mn.miic.helpdesk.support.SlackHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The Request URL: only requests signed with the app's secret, and recent, are answered. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackEndpointTest {

    private final SlackHarness slack = new SlackHarness();

    @AfterAll
    void stop() {
        slack.close();
    }

    @Test
    void slacksDocumentedSigningExampleIsReproducedAndRefusedAsStale() {
        // https://api.slack.com/authentication/verifying-requests-from-slack
        String secret = "8f742231b10e8888abcd99yyyzzz85a5";
        String timestamp = "1531420618";
        String body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
                + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
                + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZR"
                + "skXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

        String signature = new SlackSignature.Generator(secret).generate(timestamp, body);

        assertThat(signature).isEqualTo("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503");
        // Rightly signed, but from 2018: a replay, refused.
        var response = slack.send(body, Map.of("X-Slack-Request-Timestamp", timestamp, "X-Slack-Signature", signature));
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void aForgedUnsignedOrStaleCommandIsRefusedAndDoesNothing() {
        String body = slack.commandBody("U0FORGER", "help", "/respond/forged", SlackHarness.newTrigger());
        String now = slack.timestamp();
        String stale = secondsFromNow(-10 * 60);

        var forged = slack.send(body, signedAt(now, body, "not-the-secret"));
        var unsigned = slack.send(body, Map.of());
        var staleSigned = slack.send(body, signedAt(stale, body, SlackHarness.SIGNING_SECRET));
        var tampered = slack.postSigned(body, Map.of()); // signed; then the body is changed below
        var changedBody = slack.send(
                body.replace("text=help", "text=reset+mousem1"), signedAt(now, body, SlackHarness.SIGNING_SECRET));

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(staleSigned.statusCode()).isEqualTo(401);
        assertThat(changedBody.statusCode()).isEqualTo(401);
        assertThat(tampered.statusCode()).isEqualTo(200);
        assertThat(slack.calls("users.info")).hasSizeLessThanOrEqualTo(1);
    }

    /** Slack's rule is five minutes either way; Bolt's own verifier let any timestamp from the future through. */
    @Test
    void aRequestSignedMoreThanFiveMinutesAheadOrBehindIsRefusedAndWithinIsAnswered() {
        String responseUrl = "/respond/" + java.util.UUID.randomUUID();
        String body = slack.commandBody("U0CLOCK", "roles", responseUrl, SlackHarness.newTrigger());

        for (int seconds : new int[] {10 * 60, 301, -301, -10 * 60}) {
            String at = secondsFromNow(seconds);
            assertThat(slack.send(body, signedAt(at, body, SlackHarness.SIGNING_SECRET))
                            .statusCode())
                    .as("signed %d s from now", seconds)
                    .isEqualTo(401);
        }
        assertThat(slack.replies(responseUrl)).isEmpty();

        for (int seconds : new int[] {300, -300}) {
            String fresh = slack.commandBody("U0CLOCK", "roles", responseUrl, SlackHarness.newTrigger());
            String at = secondsFromNow(seconds);
            assertThat(slack.send(fresh, signedAt(at, fresh, SlackHarness.SIGNING_SECRET))
                            .statusCode())
                    .as("signed %d s from now", seconds)
                    .isEqualTo(200);
        }
        slack.reply(responseUrl, 2);
    }

    /** Bolt's verifier hashed the body in the platform charset; Slack signs UTF-8. */
    @Test
    void aCommandWithNonAsciiTextIsVerifiedOverItsUtf8Bytes() {
        String responseUrl = "/respond/" + java.util.UUID.randomUUID();
        String body = slack.commandBody("U0ACCENT", "users Muñoz Ngô", responseUrl, SlackHarness.newTrigger());

        assertThat(slack.postSigned(body, Map.of()).statusCode()).isEqualTo(200);
        assertThat(BlockKit.textOf(slack.reply(responseUrl))).isNotBlank();
    }

    private String secondsFromNow(int seconds) {
        return String.valueOf(slack.clock.instant().getEpochSecond() + seconds);
    }

    private static Map<String, String> signedAt(String timestamp, String body, String secret) {
        return Map.of(
                "X-Slack-Request-Timestamp",
                timestamp,
                "X-Slack-Signature",
                new SlackSignature.Generator(secret).generate(timestamp, body));
    }

    @Test
    void aSignedCommandIsAcknowledgedAtOnceAndAnsweredAfter() {
        var org = slack.fixtures.org("ACK1", OrganizationKind.CLINIC);
        slack.link(slack.fixtures.account(org).role(Role.TYPICAL_USER).create(), "U0ACK");

        long started = System.nanoTime();
        String replies = slack.command("U0ACK", "help");
        long ackMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(ackMillis).as("acknowledged well within Slack's 3 seconds").isLessThan(2_000);
        assertThat(BlockKit.textOf(slack.reply(replies))).contains("/miic whoami");
    }

    @Test
    void authTestIsCalledOnceNotOnEveryRequest() {
        var org = slack.fixtures.org("AUTH1", OrganizationKind.CLINIC);
        slack.link(slack.fixtures.account(org).create(), "U0AUTH");
        slack.reply(slack.command("U0AUTH", "roles"));
        int before = slack.calls("auth.test").size();
        for (int i = 0; i < 5; i++) {
            slack.reply(slack.command("U0AUTH", "roles"));
        }
        assertThat(slack.calls("auth.test")).hasSize(before);
    }
}
