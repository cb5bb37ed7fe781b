package mn.miic.helpdesk.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import mn.miic.helpdesk.support.MovableClock;
import org.junit.jupiter.api.Test;

/** Slack's signing rule, on Slack's own documented example. */
class SlackRequestVerificationTest {

    // https://api.slack.com/authentication/verifying-requests-from-slack
    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final String TIMESTAMP = "1531420618";
    private static final String BODY =
            "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
                    + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
                    + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZR"
                    + "skXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private static final String SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private final MovableClock clock = MovableClock.at(Instant.ofEpochSecond(Long.parseLong(TIMESTAMP)));
    private final SlackRequestVerification verification = new SlackRequestVerification(SECRET, clock);

    @Test
    void slacks_documented_request_is_accepted_at_its_own_time() {
        assertThat(verification.problemWith(TIMESTAMP, BODY, SIGNATURE)).isEmpty();
    }

    @Test
    void five_minutes_either_way_is_the_limit() {
        clock.advance(Duration.ofSeconds(300));
        assertThat(verification.problemWith(TIMESTAMP, BODY, SIGNATURE)).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(verification.problemWith(TIMESTAMP, BODY, SIGNATURE)).hasValue("the timestamp is 301 s old");

        clock.advance(Duration.ofSeconds(-601));
        assertThat(verification.problemWith(TIMESTAMP, BODY, SIGNATURE)).isEmpty();
        clock.advance(Duration.ofSeconds(-1));
        assertThat(verification.problemWith(TIMESTAMP, BODY, SIGNATURE))
                .hasValue("the timestamp is 301 s in the future");
    }

    @Test
    void a_wrong_changed_or_missing_signature_is_refused() {
        String lastDigitChanged = SIGNATURE.substring(0, SIGNATURE.length() - 1) + "4";
        assertThat(verification.problemWith(TIMESTAMP, BODY, lastDigitChanged))
                .hasValue("the signature does not match");
        assertThat(verification.problemWith(TIMESTAMP, BODY.replace("text=", "text=x"), SIGNATURE))
                .hasValue("the signature does not match");
        assertThat(verification.problemWith(TIMESTAMP, BODY, SIGNATURE.substring(0, 10)))
                .hasValue("the signature does not match");
        assertThat(verification.problemWith(TIMESTAMP, BODY, null)).hasValue("no signature or timestamp");
        assertThat(verification.problemWith(null, BODY, SIGNATURE)).hasValue("no signature or timestamp");
        assertThat(verification.problemWith("soon", BODY, SIGNATURE)).hasValue("the timestamp is not a number");
    }

    @Test
    void another_secret_signs_otherwise() {
        var other = new SlackRequestVerification("another-secret", clock);
        assertThat(other.problemWith(TIMESTAMP, BODY, SIGNATURE)).hasValue("the signature does not match");
    }
}
