package mn.miic.helpdesk.reviews;

import static mn.miic.helpdesk.support.BlockKit.readJson;
import static mn.miic.helpdesk.support.BlockKit.textOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.AccountStatus;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.audit.AuditLog;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationKind;
import mn.miic.helpdesk.slack.Ids;
import mn.miic.helpdesk.support.SlackHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Access reviews through Slack, with days moved by the application's clock: started by the help desk, decided user by
 * user in the administrator's DM, reminded, escalated to the parent's Health System User, completed; a site with
 * nobody above it goes to the help-desk channel, once; the yearly campaign starts by itself, once.
 */
class AccessReviewTest {

    private final SlackHarness slack = new SlackHarness();
    private final Organization state = slack.fixtures.org("MREV", OrganizationKind.STATE);
    private final Organization system = slack.fixtures.org("REVSYS", OrganizationKind.HEALTH_SYSTEM);
    private final Organization clinic = slack.fixtures.org("REV1", OrganizationKind.CLINIC, system);
    private final Account desk =
            slack.link(slack.fixtures.account(state).role(Role.ADMINISTRATOR).create(), "U0REVDESK");
    private final Account admin = slack.link(
            slack.fixtures
                    .account(clinic)
                    .role(Role.ADMINISTRATOR)
                    .name("Ada", "Admin")
                    .create(),
            "U0REVADMIN");
    // Never used the bot: reached by the email of the account when the review escalates to them.
    private final Account hsu = slack.member(
            slack.fixtures.account(system).role(Role.HEALTH_SYSTEM_USER).name("Hal", "Health"), "U0REVHSU");
    private final Account kim =
            slack.fixtures.account(clinic).name("Kim", "Keeper").create();
    private final Account ian =
            slack.fixtures.account(clinic).name("Ian", "Inactive").create();
    private final Account lee =
            slack.fixtures.account(clinic).name("Lee", "Later").create();

    @AfterEach
    void stop() {
        slack.close();
    }

    @Test
    void aReviewGoesFromStartToEscalationToCompletionWithAnInactivation() {
        String started = text(slack.reply(slack.command("U0REVDESK", "review start REV1")));
        assertThat(started).contains("Started access review #", "4 users at 1 site");
        slack.settle();
        JsonNode review = readJson(slack.awaitDm("U0REVADMIN", 1).get("blocks"));
        assertThat(textOf(review))
                .contains("Access review", "REV1", "0 of 4 decided", "Kim Keeper", "Ian Inactive")
                .contains("That is you");
        assertThat(review.toString()).doesNotContain("\"value\":\"" + campaignOf(review) + ":" + admin.id() + "\"");
        String campaign = String.valueOf(campaignOf(review));

        // Keep, and Inactivate (the inactivate use case, with its reason), each answered in place.
        slack.click("U0REVADMIN", "/respond/review-1", Ids.Actions.REVIEW_KEEP, campaign + ":" + kim.id());
        assertThat(text(slack.reply("/respond/review-1"))).contains("1 of 4 decided", "1 kept");
        slack.click("U0REVADMIN", "/respond/review-2", Ids.Actions.REVIEW_INACTIVATE, campaign + ":" + ian.id());
        assertThat(text(slack.reply("/respond/review-2"))).contains("2 of 4 decided", "1 inactivated");
        Account inactivated = slack.reload(ian);
        assertThat(inactivated.status()).isEqualTo(AccountStatus.INACTIVE_MANUAL);
        assertThat(inactivated.inactivationReason())
                .isEqualTo("No longer needs MIIC access for their work: access review #" + campaign);
        // Nobody confirms their own access, and a decision is made once.
        slack.click("U0REVADMIN", "/respond/review-3", Ids.Actions.REVIEW_KEEP, campaign + ":" + admin.id());
        assertThat(text(slack.reply("/respond/review-3"))).contains("Nobody confirms their own access");
        slack.click("U0REVADMIN", "/respond/review-4", Ids.Actions.REVIEW_KEEP, campaign + ":" + kim.id());
        assertThat(text(slack.reply("/respond/review-4"))).contains("already done");

        // Halfway: a reminder. At the due date: the Health System User of the parent.
        slack.advance(Duration.ofDays(7).plusHours(1));
        slack.instances().get(0).reviewDeadlines().run();
        slack.settle();
        assertThat(text(readJson(slack.awaitDm("U0REVADMIN", 2).get("blocks")))).contains("Reminder", "2 to confirm");
        slack.advance(Duration.ofDays(7));
        slack.instances().get(0).reviewDeadlines().run();
        slack.instances().get(0).reviewDeadlines().run();
        slack.settle();
        assertThat(slack.dmsTo("U0REVHSU")).hasSize(1);
        assertThat(text(readJson(slack.dmsTo("U0REVHSU").get(0).get("blocks"))))
                .contains("Health System User of a parent organization", "Lee Later", "Ada Admin");

        // The Health System User keeps everyone remaining, the administrator included.
        slack.click("U0REVHSU", "/respond/review-5", Ids.Actions.REVIEW_KEEP_ALL, campaign + ":" + clinic.id());
        assertThat(text(slack.reply("/respond/review-5"))).contains("4 of 4 decided", "3 kept", "Every user");

        // Complete: nothing more goes to the help desk.
        slack.advance(Duration.ofDays(8));
        slack.instances().get(0).reviewDeadlines().run();
        slack.settle();
        assertThat(slack.dmsTo(SlackHarness.HELPDESK_CHANNEL))
                .noneMatch(m -> m.get("blocks").contains("REV1"));
        var rows = new AuditLog(slack.dsl).forOrganization(clinic.id(), 100);
        assertThat(rows)
                .filteredOn(e -> e.action() == AuditAction.REVIEW_KEEP
                        && e.outcome() == mn.miic.helpdesk.audit.AuditEntry.Outcome.DONE
                        && e.targetAccountId() != null)
                .extracting(e -> e.targetAccountId())
                .containsExactlyInAnyOrder(kim.id(), lee.id(), admin.id());
        assertThat(rows)
                .filteredOn(e -> e.action() == AuditAction.INACTIVATE)
                .singleElement()
                .satisfies(e -> assertThat(e.actorAccountId()).isEqualTo(admin.id()));
        assertThat(rows)
                .filteredOn(e -> e.action() == AuditAction.REVIEW_ESCALATED)
                .hasSize(2);
        String progress = text(slack.reply(slack.command("U0REVDESK", "review")));
        assertThat(progress).contains("REV1", "4 of 4 decided", "1 inactivated");
    }

    @Test
    void aSiteWithNobodyAboveItGoesToTheHelpDeskChannelOnceWhereTheHelpDeskDecides() {
        Organization alone = slack.fixtures.org("REV2", OrganizationKind.CLINIC);
        slack.link(slack.fixtures.account(alone).role(Role.ADMINISTRATOR).create(), "U0REV2ADMIN");
        Account pat = slack.fixtures.account(alone).name("Pat", "Pending").create();
        slack.startInstance();
        slack.command("U0REVDESK", "review start REV2");
        slack.settle();
        String campaign = String.valueOf(
                campaignOf(readJson(slack.awaitDm("U0REV2ADMIN", 1).get("blocks"))));

        slack.advance(Duration.ofDays(14).plusHours(1));
        slack.instances().forEach(app -> app.reviewDeadlines().run());
        slack.instances().forEach(app -> app.reviewDeadlines().run());
        slack.settle();

        List<Map<String, String>> posts = slack.dmsTo(SlackHarness.HELPDESK_CHANNEL).stream()
                .filter(m -> m.get("blocks").contains("REV2"))
                .toList();
        assertThat(posts).hasSize(1);
        assertThat(text(readJson(posts.get(0).get("blocks")))).contains("Nobody decided", "Pat Pending");
        slack.click("U0REVDESK", "/respond/desk-review", Ids.Actions.REVIEW_KEEP_ALL, campaign + ":" + alone.id());
        assertThat(text(slack.reply("/respond/desk-review"))).contains("2 of 2 decided");
        assertThat(slack.auditOf(pat))
                .filteredOn(e -> e.action() == AuditAction.REVIEW_KEEP)
                .singleElement()
                .satisfies(e -> assertThat(e.actorAccountId()).isEqualTo(desk.id()));
    }

    @Test
    void theYearlyCampaignStartsByItselfOnceAYearAfterTheScheduleBegan() {
        slack.startInstance();
        slack.instances().forEach(app -> app.reviewDeadlines().run());
        slack.settle();
        assertThat(slack.dmsTo("U0REVADMIN")).as("not at once").isEmpty();

        slack.advance(Duration.ofDays(366));
        slack.instances().forEach(app -> app.reviewDeadlines().run());
        slack.instances().forEach(app -> app.reviewDeadlines().run());
        slack.settle();

        assertThat(slack.dmsTo("U0REVADMIN")).hasSize(1);
        assertThat(text(readJson(slack.dmsTo("U0REVADMIN").get(0).get("blocks"))))
                .contains("REV1", "Kim Keeper");
        assertThat(slack.dmsTo("U0REVDESK"))
                .as("the help desk's own staff are not a site's")
                .isEmpty();
        assertThat(text(slack.reply(slack.command("U0REVADMIN", "review")))).contains("REV1", "0 of 4 decided");
    }

    @Test
    void onlyTheHelpDeskStartsAReviewAndOnlyThoseWhoManageASiteDecideIt() {
        assertThat(text(slack.reply(slack.command("U0REVADMIN", "review start"))))
                .contains("Only the MIIC help desk starts an access review");
        assertThat(text(slack.reply(slack.command("U0REVDESK", "review start NOPE1"))))
                .contains("no MIIC organization with the code");
        slack.command("U0REVDESK", "review start REV1");
        slack.settle();
        String campaign = String.valueOf(
                campaignOf(readJson(slack.awaitDm("U0REVADMIN", 1).get("blocks"))));
        Organization other = slack.fixtures.org("REV3", OrganizationKind.CLINIC);
        slack.link(slack.fixtures.account(other).role(Role.ADMINISTRATOR).create(), "U0OTHERADMIN");

        slack.click("U0OTHERADMIN", "/respond/other", Ids.Actions.REVIEW_KEEP, campaign + ":" + kim.id());

        assertThat(text(slack.reply("/respond/other"))).contains("You do not manage the users of");
        assertThat(slack.auditOf(kim))
                .noneMatch(e -> e.action() == AuditAction.REVIEW_KEEP
                        && e.outcome() == mn.miic.helpdesk.audit.AuditEntry.Outcome.DONE);
    }

    @Test
    void theAppHomeShowsTheReviewsWaitingAndItsButtonBringsTheReviewByDm() {
        slack.command("U0REVDESK", "review start REV1");
        slack.settle();
        int dms = slack.dmsTo("U0REVADMIN").size();

        slack.appHomeOpened("U0REVADMIN", "home");
        JsonNode home = slack.lastHomeOf("U0REVADMIN");
        assertThat(home.toString()).contains("Access reviews", "REV1", "0 of 4 decided");
        String open = mn.miic.helpdesk.support.BlockKit.valueOf(home, Ids.Actions.REVIEW_OPEN);
        slack.clickOnHome("U0REVADMIN", Ids.Actions.REVIEW_OPEN, open);

        JsonNode review = readJson(slack.awaitDm("U0REVADMIN", dms + 1).get("blocks"));
        assertThat(textOf(review)).contains("REV1", "Kim Keeper");
    }

    /** The campaign a review message is about, from its Keep buttons. */
    private static long campaignOf(JsonNode message) {
        String value = mn.miic.helpdesk.support.BlockKit.valueOf(message, Ids.Actions.REVIEW_KEEP);
        return Long.parseLong(value.split(":")[0]);
    }

    private static String text(JsonNode message) {
        return textOf(message);
    }
}
