package mn.miic.helpdesk.signin;

import static mn.miic.helpdesk.support.BlockKit.readJson;
import static mn.miic.helpdesk.support.BlockKit.textOf;
import static mn.miic.helpdesk.support.BlockKit.valueOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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

    private static final String TOKEN = "story-token-19c2-0123456789abcdef01234";
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

    @Test
    void theLockedOutOwnerIsToldAtOnceAsksWithOneClickAndAnAdministratorsApprovalLetsThemIn() throws Exception {
        // Nobody here has used the bot: the owner and both administrators are found by their emails.
        Organization clinic = slack.fixtures.org("STORY2", OrganizationKind.CLINIC);
        Account ada = slack.fixtures
                .account(clinic)
                .role(Role.ADMINISTRATOR)
                .name("Ada", "Admin")
                .create();
        Account bob = slack.fixtures
                .account(clinic)
                .role(Role.ADMINISTRATOR)
                .name("Bob", "Boss")
                .create();
        Account sam = slack.fixtures
                .account(clinic)
                .name("Sam", "Staff")
                .password(PASSWORD)
                .create();
        slack.slackProfile("U0ADA2", ada.email());
        slack.slackProfile("U0BOB2", bob.email());
        slack.slackProfile("U0SAM2", sam.email());

        for (int i = 1; i <= 4; i++) {
            signIn("STORY2", sam, "Wrong-Guess-" + i);
        }
        slack.settle();
        assertThat(slack.dmsTo("U0SAM2")).as("not locked yet, nothing said").isEmpty();
        signIn("STORY2", sam, "Wrong-Guess-5");
        slack.settle();

        assertThat(slack.dmsTo("U0SAM2")).hasSize(1);
        JsonNode notice = readJson(slack.awaitDm("U0SAM2", 1).get("blocks"));
        assertThat(textOf(notice)).contains("was locked", "5 wrong passwords", sam.username(), "STORY2");
        String ask = Ids.Actions.askButton(mn.miic.helpdesk.requests.RequestKind.UNLOCK);
        slack.click("U0SAM2", "/respond/sam-lockout", ask, valueOf(notice, ask));
        assertThat(textOf(slack.reply("/respond/sam-lockout"))).contains("Request #", "sent");

        JsonNode toAda = readJson(slack.awaitDm("U0ADA2", 1).get("blocks"));
        assertThat(textOf(toAda)).as("what locked it").contains("Locked by 5 wrong passwords in a row, from");
        readJson(slack.awaitDm("U0BOB2", 1).get("blocks"));
        String id = valueOf(toAda, Ids.Actions.REQUEST_APPROVE);
        slack.click("U0ADA2", "/respond/ada-" + id, Ids.Actions.REQUEST_APPROVE, id);
        slack.settle();

        HttpResponse<String> after = signIn("STORY2", sam, PASSWORD);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(slack.dmsTo("U0SAM2")).anyMatch(m -> m.get("blocks").contains("approved by Ada Admin"));
        assertThat(slack.dmsTo("U0SAM2"))
                .as("the lock was told once")
                .filteredOn(m -> m.get("blocks").contains("was locked"))
                .hasSize(1);
    }

    private HttpResponse<String> signIn(Account account, String password) throws Exception {
        return signIn("STORY1", account, password);
    }

    private HttpResponse<String> signIn(String orgCode, Account account, String password) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + slack.port() + AccountApi.SIGN_IN_PATH))
                        .header("Authorization", "Bearer " + TOKEN)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                AccountApiTest.signIn(orgCode, account.username(), password)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
