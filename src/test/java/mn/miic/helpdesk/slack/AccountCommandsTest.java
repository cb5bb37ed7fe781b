package mn.miic.helpdesk.slack;

import static mn.miic.helpdesk.support.BlockKit.date;
import static mn.miic.helpdesk.support.BlockKit.readJson;
import static mn.miic.helpdesk.support.BlockKit.selected;
import static mn.miic.helpdesk.support.BlockKit.text;
import static mn.miic.helpdesk.support.BlockKit.textOf;
import static mn.miic.helpdesk.support.BlockKit.valueOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.AccountStatus;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.accounts.store.AccountRepository;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.audit.AuditEntry;
import mn.miic.helpdesk.identity.SlackLinks;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationKind;
import mn.miic.helpdesk.support.SlackHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every operation end to end through the signed HTTP endpoint, as an Administrator, a Read Only Administrator, a
 * Health System User acting in a child clinic, a help-desk agent, and a Typical User who is refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountCommandsTest {

    private final SlackHarness slack = new SlackHarness();
    private final Organization state = slack.fixtures.org("MTEST", OrganizationKind.STATE);
    private final Organization clinic = slack.fixtures.org("TEST1", OrganizationKind.CLINIC);
    private final Organization system = slack.fixtures.org("NSHS", OrganizationKind.HEALTH_SYSTEM);
    private final Organization child = slack.fixtures.org("NSROC", OrganizationKind.CLINIC, system);

    private final Account admin = slack.link(
            slack.fixtures
                    .account(clinic)
                    .role(Role.ADMINISTRATOR)
                    .name("Minnie", "Mouse")
                    .create(),
            "U0ADMIN");
    private final Account roa = slack.link(
            slack.fixtures.account(clinic).role(Role.READ_ONLY_ADMINISTRATOR).create(), "U0ROA");
    private final Account typical =
            slack.link(slack.fixtures.account(clinic).role(Role.TYPICAL_USER).create(), "U0TYPICAL");
    private final Account hsu = slack.link(
            slack.fixtures.account(system).role(Role.HEALTH_SYSTEM_USER).create(), "U0HSU");
    private final Account helpDesk =
            slack.link(slack.fixtures.account(state).role(Role.ADMINISTRATOR).create(), "U0HELP");

    @AfterAll
    void stop() {
        slack.close();
    }

    // ---- unlock, reactivate, reset: confirm, then act

    @Test
    void administratorUnlocksAfterConfirmingAndTheOwnerIsTold() {
        Account mickey = slack.link(
                slack.fixtures.account(clinic).name("Mickey", "Mouse").locked().create(), "U0MICKEY");

        String replies = slack.command("U0ADMIN", "unlock " + mickey.username());
        JsonNode confirm = slack.reply(replies);
        assertThat(textOf(confirm))
                .contains("Unlock", "Mickey Mouse", mickey.username(), "Test Clinic".isEmpty() ? "" : "TEST1");
        assertThat(slack.reload(mickey).locked())
                .as("nothing happens before the confirmation")
                .isTrue();

        slack.click("U0ADMIN", replies, Ids.Actions.CONFIRM, valueOf(confirm, Ids.Actions.CONFIRM));

        assertThat(textOf(slack.reply(replies, 2))).contains("Unlocked", "Mickey Mouse");
        assertThat(slack.reload(mickey).locked()).isFalse();
        assertThat(slack.awaitDm("U0MICKEY", 1).get("blocks")).contains("unlocked", "Minnie Mouse");
        AuditEntry last = slack.auditOf(mickey).get(0);
        assertThat(last.action()).isEqualTo(AuditAction.UNLOCK);
        assertThat(last.actorSlackUserId()).isEqualTo("U0ADMIN");
        assertThat(last.outcome()).isEqualTo(AuditEntry.Outcome.DONE);
    }

    @Test
    void cancelChangesNothing() {
        Account locked = slack.fixtures.account(clinic).locked().create();
        String replies = slack.command("U0ADMIN", "unlock " + locked.username());
        slack.reply(replies);
        slack.click("U0ADMIN", replies, Ids.Actions.CANCEL, locked.username());
        assertThat(textOf(slack.reply(replies, 2))).contains("Cancelled. Nothing was changed.");
        assertThat(slack.reload(locked).locked()).isTrue();
    }

    @Test
    void unlockingAnUnlockedAccountIsAnsweredWithItsRealState() {
        Account fine = slack.fixtures.account(clinic).create();
        String replies = slack.command("U0ADMIN", "unlock " + fine.username());
        assertThat(textOf(slack.reply(replies))).contains("is not locked", "Active, Unlocked", "Nothing was changed");
    }

    @Test
    void readOnlyAdministratorReactivatesAStaffAccount() {
        Account expired = slack.fixtures
                .account(clinic)
                .status(AccountStatus.INACTIVE_EXPIRED)
                .create();
        String replies = slack.command("U0ROA", "reactivate " + expired.username());
        JsonNode confirm = slack.reply(replies);
        assertThat(textOf(confirm)).contains("Reactivate", "Inactive Expired");
        slack.click("U0ROA", replies, Ids.Actions.CONFIRM, valueOf(confirm, Ids.Actions.CONFIRM));
        assertThat(textOf(slack.reply(replies, 2))).contains("Reactivated");
        assertThat(slack.reload(expired).status()).isEqualTo(AccountStatus.ACTIVE);
    }

    @Test
    void readOnlyAdministratorCannotResetAnAdministrator() {
        String replies = slack.command("U0ROA", "reset " + admin.username());
        assertThat(textOf(slack.reply(replies)))
                .contains("You cannot reset the password of", "Read Only Administrator");
    }

    @Test
    void resetSendsThePasswordToTheLinkedOwnerOnlyAndNeverInTheReply() {
        Account owner =
                slack.link(slack.fixtures.account(clinic).name("Daisy", "Duck").create(), "U0DAISY");
        String hashBefore = credentialHash(owner);
        var root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        var logs = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        logs.start();
        root.addAppender(logs);

        String replies = slack.command("U0ADMIN", "reset " + owner.username());
        JsonNode confirm = slack.reply(replies);
        slack.click("U0ADMIN", replies, Ids.Actions.CONFIRM, valueOf(confirm, Ids.Actions.CONFIRM));
        String outcome = textOf(slack.reply(replies, 2));

        Map<String, String> dm = slack.awaitDm("U0DAISY", 1);
        String password = temporaryPasswordIn(dm.get("blocks"));
        assertThat(outcome).contains("sent by DM to", "Daisy Duck").doesNotContain(password);
        assertThat(dm.get("text")).doesNotContain(password);
        assertThat(slack.everythingSent().split(java.util.regex.Pattern.quote(password), -1))
                .as("the password appears in exactly one message sent to Slack")
                .hasSize(2);
        assertThat(slack.dmsTo("U0ADMIN")).noneMatch(m -> m.get("blocks").contains(password));
        assertThat(credentialHash(owner)).isNotEqualTo(hashBefore);
        assertThat(slack.reload(owner).mustChangePassword()).isTrue();
        assertThat(slack.auditOf(owner).toString()).doesNotContain(password);
        root.detachAppender(logs);
        assertThat(logs.list).isNotEmpty().noneMatch(e -> e.getFormattedMessage()
                .contains(password));
    }

    @Test
    void resetOfAnUnlinkedAccountGoesToTheAdministratorWithTheHandOverInstruction() {
        Account unlinked = slack.fixtures.account(clinic).create();
        String replies = slack.command("U0ADMIN", "reset " + unlinked.username());
        slack.click("U0ADMIN", replies, Ids.Actions.CONFIRM, valueOf(slack.reply(replies), Ids.Actions.CONFIRM));
        assertThat(textOf(slack.reply(replies, 2))).contains("sent to you by DM");
        String dm = slack.awaitDm("U0ADMIN", 1).get("blocks");
        assertThat(dm).contains(unlinked.username(), "in person or by phone", "change it");
        assertThat(temporaryPasswordIn(dm)).hasSize(16);
    }

    // ---- the modals

    @Test
    void addOpensTheModalWithOnlyGrantableRolesAndSavesAValidUser() {
        int opened = slack.calls("views.open").size();
        String replies = slack.command("U0ROA", "add");
        JsonNode view = slack.awaitOpenedView(opened + 1);
        assertThat(view.get("callback_id").asText()).isEqualTo(Ids.Callbacks.ADD_USER);
        assertThat(view.toString()).contains("Read Only Administrator").doesNotContain("\"Administrator\"");
        String meta = view.get("private_metadata").asText();

        var answer = slack.submit("U0ROA", Ids.Callbacks.ADD_USER, meta, form("Goofy", "Goof", "goofg7", "Read Only"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).doesNotContain("errors");
        Account added =
                new AccountRepository(slack.dsl).findByUsername("goofg7").orElseThrow();
        assertThat(added.organizationId()).isEqualTo(clinic.id());
        assertThat(textOf(slack.reply(replies))).contains("Added", "Goofy Goof", "sent to you by DM");
        // Whatever else this administrator was told meanwhile (another test's leaver, say), this DM is there.
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> slack.dmsTo("U0ROA").stream()
                        .anyMatch(m -> m.get("blocks").contains("goofg7")
                                && m.get("blocks").contains("new account")));
    }

    @Test
    void invalidInputIsAnsweredNextToTheFieldAndNothingIsSaved() {
        slack.command("U0ADMIN", "add");
        String meta = "{\"org\":\"TEST1\"}";
        var answer = slack.submit(
                "U0ADMIN", Ids.Callbacks.ADD_USER, meta, form("Front", "Desk", "frontdesk", "Typical User"));
        JsonNode body = readJson(answer.body());
        assertThat(body.get("response_action").asText()).isEqualTo("errors");
        assertThat(body.get("errors").get("username").asText()).contains("generic");
        assertThat(new AccountRepository(slack.dsl).findByUsername("frontdesk")).isEmpty();

        var refused = slack.submit(
                "U0ADMIN", Ids.Callbacks.ADD_USER, meta, form("Pat", "Boss", "bossp1", "Health System User"));
        assertThat(refused.body()).contains("push").contains("Health System User");
        assertThat(new AccountRepository(slack.dsl).findByUsername("bossp1")).isEmpty();
    }

    @Test
    void editSavesChangesAndTellsTheOwner() {
        Account pluto =
                slack.link(slack.fixtures.account(clinic).name("Pluto", "Dog").create(), "U0PLUTO");
        int opened = slack.calls("views.open").size();
        slack.command("U0ADMIN", "edit " + pluto.username());
        JsonNode view = slack.awaitOpenedView(opened + 1);
        assertThat(view.get("callback_id").asText()).isEqualTo(Ids.Callbacks.EDIT_USER);
        assertThat(view.toString()).contains("Pluto");

        Map<String, ObjectNode> values = form("Pluto", "Dog", pluto.username(), "Read Only");
        values.put("email", text("pluto@example.org"));
        // The new email is Pluto's own in Slack: the link made for the old one is dropped, and he is found again.
        slack.slackProfile("U0PLUTO", "pluto@example.org");
        values.put("status", selected("active"));
        values.put("locked", selected("unlocked"));
        values.put("inactivation_reason", selected(null));
        var answer = slack.submit(
                "U0ADMIN", Ids.Callbacks.EDIT_USER, view.get("private_metadata").asText(), values);

        assertThat(answer.body()).doesNotContain("errors");
        Account after = slack.reload(pluto);
        assertThat(after.role().role()).isEqualTo(Role.READ_ONLY);
        assertThat(after.email()).isEqualTo("pluto@example.org");
        assertThat(slack.awaitDm("U0PLUTO", 1).get("blocks")).contains("was changed", "role", "email");

        // The same submission again (a replay): once only.
        var replay = slack.submit(
                "U0ADMIN", Ids.Callbacks.EDIT_USER, view.get("private_metadata").asText(), values);
        assertThat(replay.body()).contains("already done");
        // Another form opened before that save, submitted after it: someone changed the account since it was opened.
        ModalMetadata shown = ModalMetadata.decode(view.get("private_metadata").asText());
        String other = new ModalMetadata(shown.username(), shown.version(), shown.org(), shown.responseUrl()).encode();
        var stale = slack.submit("U0ADMIN", Ids.Callbacks.EDIT_USER, other, values);
        assertThat(stale.body()).contains("changed by someone else");
    }

    @Test
    void inactivateAsksTheReasonAndKeepsIt() {
        Account leaving = slack.fixtures.account(clinic).create();
        int opened = slack.calls("views.open").size();
        slack.command("U0ADMIN", "inactivate " + leaving.username());
        JsonNode view = slack.awaitOpenedView(opened + 1);
        assertThat(view.get("callback_id").asText()).isEqualTo(Ids.Callbacks.INACTIVATE_USER);
        String meta = view.get("private_metadata").asText();

        var noNote = slack.submit(
                "U0ADMIN",
                Ids.Callbacks.INACTIVATE_USER,
                meta,
                Map.of("inactivation_reason", selected("OTHER"), "inactivation_note", text(null)));
        assertThat(noNote.body()).contains("errors", "inactivation_note");
        assertThat(slack.reload(leaving).isActive()).isTrue();

        var done = slack.submit(
                "U0ADMIN",
                Ids.Callbacks.INACTIVATE_USER,
                meta,
                Map.of("inactivation_reason", selected("NO_LONGER_WORKS_HERE"), "inactivation_note", text(null)));
        assertThat(done.body()).doesNotContain("errors");
        Account after = slack.reload(leaving);
        assertThat(after.status()).isEqualTo(AccountStatus.INACTIVE_MANUAL);
        assertThat(after.inactivationReason()).isEqualTo("No longer works for this site");
    }

    // ---- search, card, audit

    @Test
    void searchShowsTheGuidesColumnsWithAMenuOfAllowedActionsAndPages() {
        Organization big = slack.fixtures.org("BIG1", OrganizationKind.CLINIC);
        Account bigAdmin =
                slack.link(slack.fixtures.account(big).role(Role.ADMINISTRATOR).create(), "U0BIGADMIN");
        for (int i = 0; i < 12; i++) {
            slack.fixtures.account(big).name("Pat", "Zephyr" + (char) ('a' + i)).create();
        }
        Account locked =
                slack.fixtures.account(big).name("Lou", "Aardvark").locked().create();

        String replies = slack.command("U0BIGADMIN", "users");
        JsonNode page1 = slack.reply(replies);
        String shown = textOf(page1);
        assertThat(shown).contains("14 accounts", "page 1 of 2", "Aardvark, Lou", locked.username(), "Locked");
        assertThat(shown).contains("Password expires", "Typical User");
        String menu = page1.toString();
        assertThat(menu).contains("unlock:" + locked.username()).doesNotContain("unlock:" + bigAdmin.username());

        slack.click("U0BIGADMIN", replies, Ids.Actions.SEARCH_NEXT, valueOf(page1, Ids.Actions.SEARCH_NEXT));
        JsonNode page2 = slack.reply(replies, 2);
        assertThat(page2.get("replace_original").asBoolean()).isTrue();
        assertThat(textOf(page2)).contains("page 2 of 2");

        // The menu's unlock goes through the same confirmation.
        slack.choose("U0BIGADMIN", replies, Ids.Actions.ACCOUNT_MENU, "unlock:" + locked.username());
        assertThat(textOf(slack.reply(replies, 3))).contains("Unlock", "Lou Aardvark");
    }

    @Test
    void cardAndAuditShowTheAccountAndItsHistoryInMinnesotaTime() {
        Account locked =
                slack.fixtures.account(clinic).name("Huey", "Duck").locked().create();
        String replies = slack.command("U0ADMIN", "unlock " + locked.username());
        slack.click("U0ADMIN", replies, Ids.Actions.CONFIRM, valueOf(slack.reply(replies), Ids.Actions.CONFIRM));
        slack.reply(replies, 2);

        JsonNode card = slack.reply(slack.command("U0ADMIN", "user " + locked.username()));
        assertThat(textOf(card)).contains("Huey Duck", "Typical User", "Unlocked", "TEST1");
        assertThat(card.toString()).contains("reset:" + locked.username());

        JsonNode history = slack.reply(slack.command("U0ADMIN", "audit " + locked.username()));
        assertThat(textOf(history)).contains("Unlocked", admin.username(), "CST");
    }

    // ---- Health System User, help desk, Typical User

    @Test
    void healthSystemUserActsInAChildClinic() {
        Account childStaff = slack.fixtures.account(child).locked().create();
        String replies = slack.command("U0HSU", "unlock " + childStaff.username());
        slack.click("U0HSU", replies, Ids.Actions.CONFIRM, valueOf(slack.reply(replies), Ids.Actions.CONFIRM));
        assertThat(textOf(slack.reply(replies, 2))).contains("Unlocked");
        assertThat(slack.reload(childStaff).locked()).isFalse();

        JsonNode switched = slack.reply(slack.command("U0HSU", "org NSROC"));
        assertThat(textOf(switched)).contains("You now work in", "NSROC");
        assertThat(textOf(slack.reply(slack.command("U0HSU", "users")))).contains(childStaff.username());
        slack.reply(slack.command("U0HSU", "org NSHS"));
    }

    @Test
    void helpDeskActsAnywhereAndLinksByHand() {
        Account far = slack.fixtures
                .account(clinic)
                .status(AccountStatus.INACTIVE_MANUAL)
                .create();
        String replies = slack.command("U0HELP", "reactivate " + far.username());
        slack.click("U0HELP", replies, Ids.Actions.CONFIRM, valueOf(slack.reply(replies), Ids.Actions.CONFIRM));
        assertThat(textOf(slack.reply(replies, 2))).contains("Reactivated");
        assertThat(slack.reload(far).isActive()).isTrue();

        JsonNode linked = slack.reply(slack.command("U0HELP", "link <@U0NEWBIE|newbie> " + far.username()));
        assertThat(textOf(linked)).contains("is now linked");
        assertThat(new SlackLinks(slack.dsl).accountOf("U0NEWBIE")).contains(far.id());

        assertThat(textOf(slack.reply(slack.command("U0ADMIN", "link <@U0OTHER> " + typical.username()))))
                .contains("Only the MIIC help desk");
    }

    @Test
    void typicalUserIsRefusedEveryManagerCommandButSeesTheirOwnAccount() {
        Account target = slack.fixtures.account(clinic).locked().create();
        for (String command : new String[] {
            "users", "unlock " + target.username(), "reset " + target.username(), "add", "audit " + target.username()
        }) {
            assertThat(textOf(slack.reply(slack.command("U0TYPICAL", command))))
                    .as(command)
                    .contains("Only a MIIC administrator");
        }
        assertThat(slack.reload(target).locked()).isTrue();
        assertThat(textOf(slack.reply(slack.command("U0TYPICAL", "whoami"))))
                .contains(typical.username(), "Typical User");
        assertThat(textOf(slack.reply(slack.command("U0TYPICAL", "help"))))
                .contains("/miic whoami")
                .doesNotContain("/miic reset");
        assertThat(textOf(slack.reply(slack.command("U0TYPICAL", "roles"))))
                .contains("Health System User", "Read Only Administrator");
    }

    @Test
    void aMentionOfALinkedUserNamesTheirAccount() {
        Account mentioned = slack.link(slack.fixtures.account(clinic).locked().create(), "U0MENTION");
        JsonNode confirm = slack.reply(slack.command("U0ADMIN", "unlock <@U0MENTION|pat>"));
        assertThat(textOf(confirm)).contains(mentioned.username());
        assertThat(textOf(slack.reply(slack.command("U0ADMIN", "unlock <@U0NOBODY>"))))
                .contains("not linked");
    }

    // ---- identity

    @Test
    void aSlackUserIsLinkedByTheirProfileEmailOrToldHowToGetLinked() {
        Account goofy =
                slack.fixtures.account(clinic).email("goofy.goof@example.org").create();
        slack.slackProfile("U0GOOFY", "Goofy.Goof@example.org");

        assertThat(textOf(slack.reply(slack.command("U0GOOFY", "whoami")))).contains(goofy.username());
        assertThat(new SlackLinks(slack.dsl).accountOf("U0GOOFY")).contains(goofy.id());
        assertThat(slack.auditOf(goofy)).anyMatch(e -> e.action() == AuditAction.LINK_SLACK_USER);

        slack.slackProfile("U0STRANGER", "stranger@example.org");
        String answer = textOf(slack.reply(slack.command("U0STRANGER", "users")));
        assertThat(answer).contains("not linked", "stranger@example.org", "help desk");
    }

    private static Map<String, ObjectNode> form(String first, String last, String username, String role) {
        Map<String, ObjectNode> values = new LinkedHashMap<>();
        values.put("first_name", text(first));
        values.put("last_name", text(last));
        values.put("middle_initial", text(null));
        values.put("username", text(username));
        values.put("role", selected(role));
        values.put("area_code", text("651"));
        values.put("phone", text("555-5555"));
        values.put("extension", text(null));
        values.put("email", text(null));
        values.put("user_dua_date", date(null));
        values.put("additional_organizations", text(null));
        return values;
    }

    private String credentialHash(Account account) {
        return new AccountRepository(slack.dsl).credential(account.id()).passwordHash();
    }

    /** The temporary password as the DM shows it: the code span after "password". */
    static String temporaryPasswordIn(String blocksJson) {
        String blocks = textOf(readJson(blocksJson));
        var m = java.util.regex.Pattern.compile("`([^`\\s]{16})`").matcher(blocks);
        if (!m.find()) {
            throw new AssertionError("no temporary password in " + blocks);
        }
        return m.group(1);
    }
}
