package mn.miic.helpdesk.signin;

import static mn.miic.helpdesk.support.BlockKit.textOf;
import static mn.miic.helpdesk.support.BlockKit.valueOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationKind;
import mn.miic.helpdesk.slack.Ids;
import mn.miic.helpdesk.support.SlackHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Five failed sign-ins lock an account, an administrator unlocks it in Slack, the next sign-in succeeds. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LockoutStoryTest {

    private static final String TOKEN = "story-token-19c2";
    private static final String PASSWORD = "Boundary+Waters-31";

    private final SlackHarness slack = new SlackHarness(Map.of("ACCOUNT_API_TOKEN", TOKEN));
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterAll
    void stop() {
        slack.close();
    }

    @Test
    void lockedBySignInsUnlockedInSlackThenSignedIn() throws Exception {
        Organization clinic = slack.fixtures.org("STORY1", OrganizationKind.CLINIC);
        slack.link(slack.fixtures.account(clinic).role(Role.ADMINISTRATOR).create(), "U0STORYADMIN");
        Account pat = slack.fixtures.account(clinic).password(PASSWORD).create();

        for (int i = 1; i <= 5; i++) {
            assertThat(signIn(pat, "Wrong-Guess-" + i).statusCode()).isEqualTo(401);
        }
        assertThat(signIn(pat, PASSWORD).statusCode()).isEqualTo(423);

        String replies = slack.command("U0STORYADMIN", "unlock " + pat.username());
        slack.click("U0STORYADMIN", replies, Ids.Actions.CONFIRM, valueOf(slack.reply(replies), Ids.Actions.CONFIRM));
        assertThat(textOf(slack.reply(replies, 2))).contains("Unlocked");

        HttpResponse<String> after = signIn(pat, PASSWORD);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).contains("signed_in");
    }

    private HttpResponse<String> signIn(Account account, String password) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + slack.port() + AccountApi.SIGN_IN_PATH))
                        .header("Authorization", "Bearer " + TOKEN)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                AccountApiTest.signIn("STORY1", account.username(), password)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
