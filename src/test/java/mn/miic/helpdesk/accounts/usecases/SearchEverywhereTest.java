package mn.miic.helpdesk.accounts.usecases;

import static mn.miic.helpdesk.support.BlockKit.textOf;
import static org.assertj.core.api.Assertions.assertThat;

import mn.miic.helpdesk.accounts.domain.AccountStatus;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationKind;
import mn.miic.helpdesk.support.SlackHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The search of every organization in reach, through Slack: the help desk searches all of MIIC, a Health System User
 * their organizations and those below, an administrator of one site still their site; by prefix of a name, the
 * username or the email, or close to a name (pg_trgm); the guide's Active / Inactive / All filter.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchEverywhereTest {

    private final SlackHarness slack = new SlackHarness();
    private final Organization state = slack.fixtures.org("MSRCH", OrganizationKind.STATE);
    private final Organization system = slack.fixtures.org("SRCHSYS", OrganizationKind.HEALTH_SYSTEM);
    private final Organization kid = slack.fixtures.org("SRCHKID", OrganizationKind.CLINIC, system);
    private final Organization far = slack.fixtures.org("SRCHFAR", OrganizationKind.CLINIC);

    {
        slack.link(slack.fixtures.account(state).role(Role.ADMINISTRATOR).create(), "U0SDESK");
        slack.link(slack.fixtures.account(system).role(Role.HEALTH_SYSTEM_USER).create(), "U0SHSU");
        slack.link(slack.fixtures.account(far).role(Role.ADMINISTRATOR).create(), "U0SFAR");
        slack.fixtures
                .account(kid)
                .name("Mary", "Smith")
                .username("smithm1")
                .email("mary.smith@kid.example.org")
                .create();
        slack.fixtures
                .account(kid)
                .name("Sam", "Smyth")
                .username("smyths1")
                .status(AccountStatus.INACTIVE_MANUAL)
                .create();
        slack.fixtures.account(far).name("John", "Smith").username("smithj1").create();
    }

    @AfterAll
    void stop() {
        slack.close();
    }

    private String search(String slackUserId, String text) {
        return textOf(slack.reply(slack.command(slackUserId, "users " + text)));
    }

    @Test
    void theHelpDeskFindsEveryMatchInMiicEachWithItsOrganization() {
        String found = search("U0SDESK", "smith");

        assertThat(found).contains("in every organization you reach", "smithm1", "smithj1");
        assertThat(found).as("a name in use is not a misspelling of Smyth").doesNotContain("smyths1");
        assertThat(found).contains("SRCHKID", "SRCHFAR");
    }

    @Test
    void aMisspellingStillFindsTheNameAndAnEmailFindsItsAccount() {
        assertThat(search("U0SDESK", "smiht")).contains("smithm1", "smithj1");
        assertThat(search("U0SDESK", "mary.smith@kid")).contains("smithm1").doesNotContain("smithj1");
        assertThat(search("U0SDESK", "mary smith")).contains("smithm1").doesNotContain("smithj1");
    }

    @Test
    void aHealthSystemUserFindsOnlyTheirOrganizationsAndThoseBelow() {
        String found = search("U0SHSU", "smith");

        assertThat(found).contains("smithm1").doesNotContain("smithj1").doesNotContain("SRCHFAR");
        assertThat(search("U0SHSU", "smiht")).doesNotContain("smithj1");
    }

    @Test
    void theFilterKeepsOnlyActiveOrInactiveAccounts() {
        assertThat(search("U0SHSU", "--inactive sm")).contains("smyths1").doesNotContain("smithm1");
        assertThat(search("U0SHSU", "--active sm")).contains("smithm1").doesNotContain("smyths1");
    }

    @Test
    void aHealthSystemUserWhoSwitchedToAChildSearchesThatOne() {
        var hsu = slack.link(
                slack.fixtures.account(system).role(Role.HEALTH_SYSTEM_USER).create(), "U0SHSU2");
        slack.command("U0SHSU2", "org SRCHKID");

        assertThat(search("U0SHSU2", "smith")).contains("at SRCHKID", "smithm1");
    }

    @Test
    void anAdministratorOfOneSiteStillSearchesTheirSite() {
        String found = search("U0SFAR", "smith");

        assertThat(found).contains("at SRCHFAR", "smithj1").doesNotContain("smithm1");
    }
}
