package mn.miic.helpdesk.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static mn.miic.helpdesk.db.jooq.Tables.SLACK_LINK;
import static mn.miic.helpdesk.support.BlockKit.textOf;
import static mn.miic.helpdesk.support.BlockKit.valueOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.audit.AuditEntry;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationKind;
import mn.miic.helpdesk.support.BlockKit;
import mn.miic.helpdesk.support.SlackHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A workspace where a clinic's administrators and staff are members (their Slack profile emails are their MIIC
 * emails) and nobody has typed {@code /miic}: the bot finds the people it must reach by their email, keeps each link
 * true, and drops a link that no longer is, with its reason in the audit trail.
 */
class ReachTest {

    private static final Pattern PASSWORD = Pattern.compile("Temporary password: `([^`]+)`");

    private final SlackHarness slack = new SlackHarness();
    private final Organization clinic = slack.fixtures.org("REACH1", OrganizationKind.CLINIC);
    private final Account diana =
            slack.member(slack.fixtures.account(clinic).role(Role.ADMINISTRATOR).name("Diana", "Prince"), "U0DIANA");
    private final Account steve =
            slack.member(slack.fixtures.account(clinic).role(Role.ADMINISTRATOR).name("Steve", "Trevor"), "U0STEVE");

    @AfterEach
    void stop() {
        slack.close();
    }

    @Test
    void a_locked_out_users_request_reaches_every_administrator_of_the_site_and_the_approval_tells_the_owner() {
        Account pat = slack.member(
                slack.fixtures.account(clinic).name("Pat", "Locked").locked(), "U0PAT");

        String replies = slack.command("U0PAT", "request unlock I mistyped my password");
        assertThat(textOf(slack.reply(replies))).contains("sent");

        String toDiana = slack.awaitDm("U0DIANA", 1).get("blocks");
        String toSteve = slack.awaitDm("U0STEVE", 1).get("blocks");
        assertThat(toDiana).contains("Pat Locked", pat.username());
        assertThat(toSteve).contains("Pat Locked");
        assertThat(textOf(BlockKit.readJson(slack.awaitDm("U0PAT", 1).get("blocks"))))
                .contains("Diana Prince", "Steve Trevor");
        assertThat(slack.calls("chat.postMessage"))
                .as("nobody could be asked is not the case: nothing went to the help-desk channel")
                .noneMatch(m -> SlackHarness.HELPDESK_CHANNEL.equals(m.get("channel")));

        String id = valueOf(BlockKit.readJson(toDiana), Ids.Actions.REQUEST_APPROVE);
        slack.click("U0DIANA", "/respond/diana-" + id, Ids.Actions.REQUEST_APPROVE, id);

        await().atMost(Duration.ofSeconds(10)).until(() -> !slack.reload(pat).locked());
        slack.settle();
        assertThat(slack.dmsTo("U0PAT")).anyMatch(m -> m.get("blocks").contains("approved by Diana Prince"));
        assertThat(slack.auditOf(diana))
                .filteredOn(e -> e.action() == AuditAction.LINK_SLACK_USER)
                .singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("found in Slack by the account's email"));
    }

    @Test
    void a_reset_password_reaches_its_owner_in_one_dm_and_an_account_without_a_slack_user_its_administrator() {
        Account daisy = slack.member(slack.fixtures.account(clinic).name("Daisy", "Duck"), "U0DAISY");

        String outcome = reset("U0DIANA", daisy);
        String password = passwordIn(slack.awaitDm("U0DAISY", 1).get("blocks"));
        assertThat(outcome).contains("sent by DM to", "Daisy Duck");
        assertThat(slack.everythingSent().split(Pattern.quote(password), -1))
                .as("the password is in exactly one message")
                .hasSize(2);

        Account nobody = slack.fixtures.account(clinic).name("Ned", "Nobody").create();
        String handOver = reset("U0DIANA", nobody);
        assertThat(handOver).contains("sent to you by DM");
        assertThat(slack.dmsTo("U0DIANA"))
                .anyMatch(m -> m.get("blocks").contains(nobody.username())
                        && m.get("blocks").contains("in person"));
    }

    @Test
    void an_email_changed_to_another_members_sends_the_next_password_to_the_new_owner_never_the_old() {
        Account daisy = slack.member(slack.fixtures.account(clinic).name("Daisy", "Duck"), "U0DAISY");
        slack.command("U0DAISY", "whoami"); // linked, from her email
        assertThat(linkOf(daisy)).isEqualTo("U0DAISY");
        slack.slackProfile("U0DONALD", "donald.duck@example.org");

        // The email was Daisy's by mistake; it is Donald's account. Changed outside Slack, as an import would.
        slack.dsl.execute("update account set email = 'donald.duck@example.org' where id = " + daisy.id());

        reset("U0DIANA", daisy);
        passwordIn(slack.awaitDm("U0DONALD", 1).get("blocks"));
        assertThat(slack.dmsTo("U0DAISY")).noneMatch(m -> m.get("blocks").contains("Temporary password"));
        assertThat(linkOf(daisy)).isEqualTo("U0DONALD");
        assertThat(slack.auditOf(daisy))
                .filteredOn(e -> e.action() == AuditAction.UNLINK_SLACK_USER)
                .singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("the account's email is no longer"));
    }

    @Test
    void deactivated_guest_and_external_users_are_told_why_and_their_links_dropped() {
        Map<String, String> kinds = Map.of(
                "U0GONE", "\"deleted\":true",
                "U0GUEST", "\"is_restricted\":true",
                "U0OUTSIDE", "\"team_id\":\"T0ELSEWHERE\"",
                "U0ROBOT", "\"is_bot\":true");
        Map<String, String> says = Map.of(
                "U0GONE", "deactivated",
                "U0GUEST", "guest",
                "U0OUTSIDE", "another Slack workspace",
                "U0ROBOT", "bot");
        kinds.forEach((slackUserId, flags) -> {
            Account account = slack.fixtures.account(clinic).create();
            slack.link(account, slackUserId);
            slack.slackUser(slackUserId, account.email(), flags);

            String replies = slack.command(slackUserId, "whoami");
            assertThat(textOf(slack.reply(replies)))
                    .contains(says.get(slackUserId))
                    .doesNotContain(account.username());
            assertThat(slack.dsl.fetchCount(SLACK_LINK, SLACK_LINK.ACCOUNT_ID.eq(account.id())))
                    .as(slackUserId + "'s link is dropped")
                    .isZero();
            assertThat(slack.auditOf(account))
                    .filteredOn(
                            e -> e.action() == AuditAction.UNLINK_SLACK_USER && e.outcome() == AuditEntry.Outcome.DONE)
                    .hasSize(1);
        });
    }

    @Test
    void a_user_change_event_with_another_email_drops_the_link_at_once() {
        Account daisy = slack.member(slack.fixtures.account(clinic).name("Daisy", "Duck"), "U0DAISY");
        slack.command("U0DAISY", "whoami");
        assertThat(linkOf(daisy)).isEqualTo("U0DAISY");
        Account nell = slack.member(slack.fixtures.account(clinic).name("Nell", "Kept"), "U0NELL");
        slack.command("U0NELL", "whoami");

        var changed = slack.event((com.fasterxml.jackson.databind.node.ObjectNode)
                BlockKit.readJson("{\"type\":\"user_change\",\"user\":{\"id\":\"U0DAISY\",\"team_id\":\"T0MIIC\","
                        + "\"profile\":{\"email\":\"daisy@elsewhere.example\"}}}"));
        assertThat(changed.statusCode()).isEqualTo(200);
        slack.event((com.fasterxml.jackson.databind.node.ObjectNode)
                BlockKit.readJson("{\"type\":\"user_change\",\"user\":{\"id\":\"U0NELL\",\"team_id\":\"T0MIIC\","
                        + "\"profile\":{\"email\":\"" + nell.email() + "\",\"title\":\"Nurse\"}}}"));

        assertThat(linkOf(daisy)).as("a new email: dropped").isNull();
        assertThat(linkOf(nell)).as("a new title only: kept").isEqualTo("U0NELL");
        assertThat(slack.auditOf(daisy))
                .filteredOn(e -> e.action() == AuditAction.UNLINK_SLACK_USER)
                .singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("the Slack profile's email is no longer"));
    }

    @Test
    void the_help_desk_drops_a_wrong_link_by_hand_and_a_site_administrator_cannot() {
        Organization state = slack.fixtures.org("MSTATE", OrganizationKind.STATE);
        slack.member(slack.fixtures.account(state).role(Role.ADMINISTRATOR).name("Hal", "Helper"), "U0AGENT");
        Account daisy = slack.member(slack.fixtures.account(clinic).name("Daisy", "Duck"), "U0DAISY");
        slack.command("U0DAISY", "whoami");

        String refused = slack.command("U0DIANA", "unlink <@U0DAISY>");
        assertThat(textOf(slack.reply(refused))).contains("Only the MIIC help desk");
        assertThat(linkOf(daisy)).isEqualTo("U0DAISY");

        String done = slack.command("U0AGENT", "unlink " + daisy.username());
        assertThat(textOf(slack.reply(done))).contains("no longer linked");
        assertThat(linkOf(daisy)).isNull();
        assertThat(slack.auditOf(daisy))
                .filteredOn(e -> e.action() == AuditAction.UNLINK_SLACK_USER && e.outcome() == AuditEntry.Outcome.DONE)
                .singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("unlinked by hand"));
        String again = slack.command("U0AGENT", "unlink " + daisy.username());
        assertThat(textOf(slack.reply(again))).contains("no Slack link to drop");
    }

    @Test
    void the_sweeps_report_reaches_every_administrator_of_the_site_and_its_owner_by_email() {
        Account gus = slack.member(
                slack.fixtures
                        .account(clinic)
                        .name("Gus", "Gone")
                        .lastSignIn(slack.clock.instant().minus(Duration.ofDays(95))),
                "U0GUS");

        new mn.miic.helpdesk.lifecycle.InactivitySweep(
                        slack.dsl, slack.instances().get(0).outbox(), slack.clock, Duration.ofDays(90))
                .run();
        slack.settle();

        assertThat(slack.awaitDm("U0DIANA", 1).get("blocks")).contains("Inactive Expired", "Gus Gone");
        assertThat(slack.awaitDm("U0STEVE", 1).get("blocks")).contains("Gus Gone");
        assertThat(slack.awaitDm("U0GUS", 1).get("blocks")).contains("Ask to reactivate");
        assertThat(slack.reload(gus).status())
                .isEqualTo(mn.miic.helpdesk.accounts.domain.AccountStatus.INACTIVE_EXPIRED);
    }

    @Test
    void a_mention_of_a_colleague_who_never_used_the_bot_names_their_account_by_their_email() {
        Account pat = slack.member(
                slack.fixtures.account(clinic).name("Pat", "Locked").locked(), "U0PAT");
        Account guest =
                slack.fixtures.account(clinic).name("Gina", "Guest").locked().create();
        slack.slackUser("U0GUEST", guest.email(), "\"is_restricted\":true"); // a guest with the account's email

        JsonNode confirm = slack.reply(slack.command("U0DIANA", "unlock <@U0PAT>"));
        assertThat(textOf(confirm)).contains(pat.username(), "Pat Locked");
        assertThat(linkOf(pat)).isEqualTo("U0PAT");
        assertThat(textOf(slack.reply(slack.command("U0DIANA", "unlock <@U0GUEST>"))))
                .contains("not linked to a MIIC account", "Use their MIIC username");
        assertThat(linkOf(guest)).as("a guest names nobody and is not linked").isNull();
    }

    @Test
    void a_rate_limited_lookup_delays_the_notice_and_never_loses_it() {
        Account pluto =
                slack.member(slack.fixtures.account(clinic).name("Pluto", "Dog").locked(), "U0PLUTO");
        var limited = slack.slack.stubFor(post(urlPathEqualTo("/api/users.lookupByEmail"))
                .atPriority(1) // the latest of equal priority wins over his profile's
                .withRequestBody(containing(
                        "email=" + java.net.URLEncoder.encode(pluto.email(), java.nio.charset.StandardCharsets.UTF_8)))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));

        String replies = slack.command("U0DIANA", "unlock " + pluto.username());
        slack.click("U0DIANA", replies, Ids.Actions.CONFIRM, valueOf(slack.reply(replies), Ids.Actions.CONFIRM));
        await().atMost(Duration.ofSeconds(10)).until(() -> !slack.reload(pluto).locked());
        assertThat(slack.dmsTo("U0PLUTO")).isEmpty();

        slack.slack.removeStub(limited);
        slack.advance(Duration.ofSeconds(31));
        slack.settle();
        assertThat(slack.awaitDm("U0PLUTO", 1).get("blocks")).contains("unlocked");
        assertThat(slack.dmsTo("U0PLUTO")).hasSize(1);
    }

    private String reset(String admin, Account target) {
        String replies = slack.command(admin, "reset " + target.username());
        slack.click(admin, replies, Ids.Actions.CONFIRM, valueOf(slack.reply(replies), Ids.Actions.CONFIRM));
        return textOf(slack.reply(replies, 2));
    }

    private String linkOf(Account account) {
        return slack.dsl
                .select(SLACK_LINK.SLACK_USER_ID)
                .from(SLACK_LINK)
                .where(SLACK_LINK.ACCOUNT_ID.eq(account.id()))
                .fetchOne(SLACK_LINK.SLACK_USER_ID);
    }

    private static String passwordIn(String blocks) {
        Matcher m = PASSWORD.matcher(textOf(BlockKit.readJson(blocks)));
        assertThat(m.find()).as("a temporary password in " + blocks).isTrue();
        return m.group(1);
    }
}
