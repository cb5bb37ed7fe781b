package mn.miic.helpdesk.compliance;

import static mn.miic.helpdesk.support.BlockKit.filledIn;
import static mn.miic.helpdesk.support.BlockKit.selected;
import static mn.miic.helpdesk.support.BlockKit.textOf;
import static mn.miic.helpdesk.support.BlockKit.valueOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.AccountStatus;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.audit.AuditEntry;
import mn.miic.helpdesk.identity.SlackLinks;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationKind;
import mn.miic.helpdesk.slack.Ids;
import mn.miic.helpdesk.support.SlackHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A floating user leaves: {@code /miic offboard} opens the Inactivate form with "No longer works for this site"
 * chosen, and its submission inactivates the account, removes its other organizations and its Slack link in one
 * transaction, tells the administrators where it worked, and shows on the card. The person is not linked again by
 * their email until the account comes back.
 */
class OffboardingTest {

    private final SlackHarness slack = new SlackHarness();
    private final Organization home = slack.fixtures.org("LEAVE1", OrganizationKind.CLINIC);
    private final Organization second = slack.fixtures.org("LEAVE2", OrganizationKind.CLINIC);
    private final Organization third = slack.fixtures.org("LEAVE3", OrganizationKind.CLINIC);
    private final Account admin = slack.link(
            slack.fixtures
                    .account(home)
                    .role(Role.ADMINISTRATOR)
                    .name("Hana", "Home")
                    .create(),
            "U0HOMEADMIN");
    // Never used the bot: found by the email of their account when told.
    private final Account secondAdmin =
            slack.member(slack.fixtures.account(second).role(Role.ADMINISTRATOR), "U0SECONDADMIN");
    private final Account floater = slack.member(
            slack.fixtures.account(home).name("Flo", "Floater").alsoIn(second).alsoIn(third), "U0FLOATER");

    @AfterEach
    void stop() {
        slack.close();
    }

    @Test
    void aFloatingUserWhoLeftIsOffboardedInOneStepAndTheAdministratorsWhereTheyWorkedAreTold() {
        // The floater has used the bot, and switched to the second location.
        slack.command("U0FLOATER", "org LEAVE2");
        assertThat(new SlackLinks(slack.dsl).slackUserOf(floater.id())).contains("U0FLOATER");

        JsonNode form = slack.openModal("U0HOMEADMIN", "offboard " + floater.username());
        assertThat(form.get("callback_id").asText()).isEqualTo(Ids.Callbacks.INACTIVATE_USER);
        assertThat(form.toString()).contains("\"initial_option\"", "NO_LONGER_WORKS_HERE", "Offboards them");
        Map<String, ObjectNode> answers = filledIn(form);
        answers.put("inactivation_reason", selected("NO_LONGER_WORKS_HERE"));
        var saved = slack.submit(
                "U0HOMEADMIN",
                Ids.Callbacks.INACTIVATE_USER,
                form.get("private_metadata").asText(),
                answers);
        assertThat(saved.body()).doesNotContain("errors");

        Account after = slack.reload(floater);
        assertThat(after.status()).isEqualTo(AccountStatus.INACTIVE_MANUAL);
        assertThat(after.inactivationReason()).isEqualTo("No longer works for this site");
        assertThat(after.additionalOrganizationIds()).isEmpty();
        assertThat(after.currentOrganizationId()).isNull();
        assertThat(new SlackLinks(slack.dsl).slackUserOf(floater.id())).isEmpty();
        AuditEntry row = slack.auditOf(floater).stream()
                .filter(e -> e.action() == AuditAction.OFFBOARD)
                .findFirst()
                .orElseThrow();
        assertThat(row.outcome()).isEqualTo(AuditEntry.Outcome.DONE);
        assertThat(row.actorAccountId()).isEqualTo(admin.id());
        assertThat(row.changes()).containsKeys("status", "additional_organizations", "slack_user");
        assertThat(row.changes().get("slack_user").before()).isEqualTo("U0FLOATER");

        slack.settle();
        String told = textOf(mn.miic.helpdesk.support.BlockKit.readJson(
                slack.awaitDm("U0SECONDADMIN", 1).get("blocks")));
        assertThat(told).contains("Flo Floater", "offboarded by", "Hana Home", "LEAVE2", "LEAVE3");
        assertThat(slack.dmsTo("U0HOMEADMIN")).as("they did it themselves").isEmpty();
        assertThat(slack.dmsTo("U0FLOATER")).as("they left").isEmpty();

        String card = textOf(slack.reply(slack.command("U0HOMEADMIN", "user " + floater.username())));
        assertThat(card).contains("Offboarded", "by *Hana Home*", "removed from LEAVE2, LEAVE3");

        // Their Slack user is not linked again by the email of the account, whatever they type.
        String whoami = textOf(slack.reply(slack.command("U0FLOATER", "whoami")));
        assertThat(whoami).contains("was offboarded");
        assertThat(new SlackLinks(slack.dsl).slackUserOf(floater.id())).isEmpty();

        // Back at the site: reactivated, the bot finds them by their email again.
        String replies = slack.command("U0HOMEADMIN", "reactivate " + floater.username());
        slack.click("U0HOMEADMIN", replies, Ids.Actions.CONFIRM, valueOf(slack.reply(replies), Ids.Actions.CONFIRM));
        assertThat(textOf(slack.reply(replies, 2))).contains("Reactivated");
        assertThat(textOf(slack.reply(slack.command("U0FLOATER", "whoami")))).contains("Flo Floater");
        assertThat(new SlackLinks(slack.dsl).slackUserOf(floater.id())).contains("U0FLOATER");
    }

    @Test
    void offboardingTheLastAdministratorOfASiteIsRefusedAndChangesNothing() {
        Account lone = slack.link(
                slack.fixtures
                        .account(third)
                        .role(Role.ADMINISTRATOR)
                        .alsoIn(second)
                        .create(),
                "U0LONEADMIN");
        Organization state = slack.fixtures.org("MLEAVE", OrganizationKind.STATE);
        slack.link(slack.fixtures.account(state).role(Role.ADMINISTRATOR).create(), "U0LEAVEDESK");

        JsonNode form = slack.openModal("U0LEAVEDESK", "offboard " + lone.username());
        Map<String, ObjectNode> answers = filledIn(form);
        answers.put("inactivation_reason", selected("NO_LONGER_WORKS_HERE"));
        var refused = slack.submit(
                "U0LEAVEDESK",
                Ids.Callbacks.INACTIVATE_USER,
                form.get("private_metadata").asText(),
                answers);

        assertThat(refused.body()).contains("errors", "no active administrator");
        Account after = slack.reload(lone);
        assertThat(after.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(after.additionalOrganizationIds()).containsExactly(second.id());
        assertThat(new SlackLinks(slack.dsl).slackUserOf(lone.id())).contains("U0LONEADMIN");
        assertThat(slack.auditOf(lone))
                .filteredOn(e -> e.action() == AuditAction.OFFBOARD)
                .singleElement()
                .extracting(AuditEntry::outcome)
                .isEqualTo(AuditEntry.Outcome.REFUSED);
    }
}
