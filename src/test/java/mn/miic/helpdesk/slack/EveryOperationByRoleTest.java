package mn.miic.helpdesk.slack;

import static mn.miic.helpdesk.db.jooq.Tables.ACCOUNT;
import static mn.miic.helpdesk.db.jooq.Tables.AUDIT_EVENT;
import static mn.miic.helpdesk.support.BlockKit.filledIn;
import static mn.miic.helpdesk.support.BlockKit.readJson;
import static mn.miic.helpdesk.support.BlockKit.selected;
import static mn.miic.helpdesk.support.BlockKit.text;
import static mn.miic.helpdesk.support.BlockKit.textOf;
import static mn.miic.helpdesk.support.BlockKit.valueOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Stream;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.AccountStatus;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.accounts.store.AccountRepository;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.audit.AuditEntry;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationKind;
import mn.miic.helpdesk.support.SlackHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole grid: every account operation, typed and clicked as Slack sends it, by each kind of manager in the
 * organization they manage, and by a Typical User who is refused each one. Modals are submitted as Slack would
 * submit them: what the bot put in the form, with what the person changed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryOperationByRoleTest {

    private final SlackHarness slack = new SlackHarness();
    private final Organization state = slack.fixtures.org("MTEST", OrganizationKind.STATE);
    private final Organization clinic = slack.fixtures.org("CLIN1", OrganizationKind.CLINIC);
    private final Organization system = slack.fixtures.org("HSYS", OrganizationKind.HEALTH_SYSTEM);
    private final Organization child = slack.fixtures.org("HKID", OrganizationKind.CLINIC, system);

    {
        slack.link(
                slack.fixtures
                        .account(clinic)
                        .role(Role.ADMINISTRATOR)
                        .name("Ada", "Admin")
                        .create(),
                "U0ADMIN");
        slack.link(
                slack.fixtures
                        .account(clinic)
                        .role(Role.READ_ONLY_ADMINISTRATOR)
                        .create(),
                "U0ROA");
        slack.link(slack.fixtures.account(child).role(Role.ADMINISTRATOR).create(), "U0KIDADMIN");
        slack.link(slack.fixtures.account(system).role(Role.HEALTH_SYSTEM_USER).create(), "U0HSU");
        slack.link(slack.fixtures.account(state).role(Role.ADMINISTRATOR).create(), "U0HELP");
        slack.link(slack.fixtures.account(clinic).role(Role.TYPICAL_USER).create(), "U0TYPICAL");
    }

    @AfterAll
    void stop() {
        slack.close();
    }

    Stream<Arguments> managers() {
        return Stream.of(
                Arguments.of("Administrator", "U0ADMIN", clinic, "Typical User"),
                Arguments.of("Read Only Administrator", "U0ROA", clinic, "Read Only"),
                Arguments.of("Health System User in a child clinic", "U0HSU", child, "Typical User"),
                Arguments.of("help desk", "U0HELP", clinic, "Typical User"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("managers")
    void aManagerDoesEveryOperation(String who, String me, Organization where, String role) {
        String tag = me.substring(3).toLowerCase();

        // add, in the organization they manage (named when it is not their home)
        String username = "newbie" + tag + "1";
        int dmsBefore = slack.dmsTo(me).size();
        JsonNode addForm =
                openModal(me, "add" + (where.equals(clinic) && !me.equals("U0HELP") ? "" : " " + where.code()));
        Map<String, ObjectNode> typed = filledIn(addForm);
        typed.put("first_name", text("New"));
        typed.put("last_name", text("Bie"));
        typed.put("username", text(username));
        typed.put("role", selected(role));
        typed.put("area_code", text("651"));
        typed.put("phone", text("555-0100"));
        assertNoErrors(slack.submit(
                me, Ids.Callbacks.ADD_USER, addForm.get("private_metadata").asText(), typed));
        Account added =
                new AccountRepository(slack.dsl).findByUsername(username).orElseThrow();
        assertThat(added.organizationId()).as(who + " adds in " + where.code()).isEqualTo(where.id());
        assertThat(AccountCommandsTest.temporaryPasswordIn(
                        slack.awaitDm(me, dmsBefore + 1).get("blocks")))
                .as("the new user's password goes to the administrator who added them")
                .hasSize(16);

        // users: the search in that organization shows the new account with its menu
        boolean elsewhere = !where.equals(homeOf(me));
        if (elsewhere) {
            assertThat(textOf(slack.reply(slack.command(me, "org " + where.code()))))
                    .contains("You now work in");
        }
        JsonNode found = slack.reply(slack.command(me, "users Bie"));
        assertThat(textOf(found)).contains("Bie, New", username, role);
        assertThat(found.toString()).contains("edit:" + username, "reset:" + username, "inactivate:" + username);
        if (elsewhere) {
            slack.reply(slack.command(me, "org " + homeOf(me).code()));
        }

        // user: the card
        assertThat(textOf(slack.reply(slack.command(me, "user " + username)))).contains("New Bie", where.code());

        // edit: change the phone and inactivate with "Other" and the note it needs
        JsonNode editForm = openModal(me, "edit " + username);
        Map<String, ObjectNode> edited = filledIn(editForm);
        assertThat(edited.get("first_name").get("value").asText()).isEqualTo("New");
        edited.put("phone", text("555-0199"));
        edited.put("status", selected("inactive"));
        edited.put("inactivation_reason", selected("OTHER"));
        edited.put("inactivation_note", text("On leave until spring"));
        assertNoErrors(slack.submit(
                me, Ids.Callbacks.EDIT_USER, editForm.get("private_metadata").asText(), edited));
        Account afterEdit = slack.reload(added);
        assertThat(afterEdit.phone().number()).isEqualTo("5550199");
        assertThat(afterEdit.status()).isEqualTo(AccountStatus.INACTIVE_MANUAL);
        assertThat(afterEdit.inactivationReason()).contains("On leave until spring");

        // reactivate, after the confirmation
        confirm(me, "reactivate " + username, "Reactivated");
        assertThat(slack.reload(added).status()).isEqualTo(AccountStatus.ACTIVE);

        // inactivate, with a reason from the list
        JsonNode inactivateForm = openModal(me, "inactivate " + username);
        Map<String, ObjectNode> why = filledIn(inactivateForm);
        why.put("inactivation_reason", selected("NO_LONGER_NEEDS_ACCESS"));
        assertNoErrors(slack.submit(
                me,
                Ids.Callbacks.INACTIVATE_USER,
                inactivateForm.get("private_metadata").asText(),
                why));
        assertThat(slack.reload(added).status()).isEqualTo(AccountStatus.INACTIVE_MANUAL);
        confirm(me, "reactivate " + username, "Reactivated");

        // unlock
        setLocked(added, true);
        confirm(me, "unlock " + username, "Unlocked");
        assertThat(slack.reload(added).locked()).isFalse();

        // reset: now linked, the password goes to its owner
        slack.link(added, "U0NEW" + tag);
        String hash = credentialHash(added);
        confirm(me, "reset " + username, "sent by DM to");
        assertThat(credentialHash(added)).isNotEqualTo(hash);
        assertThat(AccountCommandsTest.temporaryPasswordIn(
                        slack.awaitDm("U0NEW" + tag, 1).get("blocks")))
                .hasSize(16);

        // audit: everything above, by them
        String history = textOf(slack.reply(slack.command(me, "audit " + username)));
        assertThat(history).contains("Added", "Edited", "Reactivated", "Inactivated", "Unlocked", "Password reset");
        assertThat(slack.auditOf(added))
                .filteredOn(e -> e.outcome() == AuditEntry.Outcome.DONE && e.action() != AuditAction.VIEW)
                .allMatch(e -> e.actorSlackUserId().equals(me));
    }

    @Test
    void aTypicalUserIsRefusedEveryOperationAndNothingChanges() {
        Account target = slack.fixtures.account(clinic).locked().create();
        Account inactive = slack.fixtures
                .account(clinic)
                .status(AccountStatus.INACTIVE_EXPIRED)
                .create();
        int opened = slack.calls("views.open").size();
        for (String command : new String[] {
            "users",
            "user " + target.username(),
            "add",
            "edit " + target.username(),
            "unlock " + target.username(),
            "reactivate " + inactive.username(),
            "inactivate " + target.username(),
            "reset " + target.username(),
            "audit " + target.username(),
            "link <@U0X> " + target.username()
        }) {
            String answer = textOf(slack.reply(slack.command("U0TYPICAL", command)));
            assertThat(answer).as(command).containsAnyOf("Only a MIIC administrator", "Only the MIIC help desk");
        }
        assertThat(slack.calls("views.open")).as("no form is opened").hasSize(opened);

        // A confirmation button copied from someone else's message is judged by who clicks it.
        String replies = slack.command("U0ADMIN", "unlock " + target.username());
        String button = valueOf(slack.reply(replies), Ids.Actions.CONFIRM);
        slack.click("U0TYPICAL", replies, Ids.Actions.CONFIRM, button);
        assertThat(textOf(slack.reply(replies, 2))).contains("Only a MIIC administrator");

        // A forged submission of a form they could never open.
        var forged = slack.submit(
                "U0TYPICAL",
                Ids.Callbacks.INACTIVATE_USER,
                "{\"username\":\"" + target.username() + "\"}",
                Map.of("inactivation_reason", selected("MISUSING_MIIC")));
        assertThat(forged.body()).contains("Only a MIIC administrator");

        assertThat(slack.reload(target).locked()).isTrue();
        assertThat(slack.reload(target).isActive()).isTrue();
        assertThat(slack.reload(inactive).status()).isEqualTo(AccountStatus.INACTIVE_EXPIRED);
        assertThat(slack.dsl
                        .selectFrom(AUDIT_EVENT)
                        .where(AUDIT_EVENT.ACTOR_SLACK_USER_ID.eq("U0TYPICAL"))
                        .fetch(AUDIT_EVENT.OUTCOME))
                .as("each refusal is audited, and nothing else was done")
                .hasSizeGreaterThanOrEqualTo(10)
                .containsOnly("REFUSED");
    }

    @Test
    void aButtonIsJudgedByTheRoleAtTheClickNotWhenTheMessageWasSent() {
        Account manager = slack.link(
                slack.fixtures.account(clinic).role(Role.ADMINISTRATOR).create(), "U0SOONGONE");
        Account locked = slack.fixtures.account(clinic).locked().create();
        String replies = slack.command("U0SOONGONE", "unlock " + locked.username());
        String button = valueOf(slack.reply(replies), Ids.Actions.CONFIRM);

        slack.dsl
                .update(ACCOUNT)
                .set(ACCOUNT.ROLE, Role.TYPICAL_USER.name())
                .where(ACCOUNT.ID.eq(manager.id()))
                .execute();
        slack.click("U0SOONGONE", replies, Ids.Actions.CONFIRM, button);

        assertThat(textOf(slack.reply(replies, 2))).contains("Only a MIIC administrator");
        assertThat(slack.reload(locked).locked()).isTrue();
    }

    @Test
    void onlyTheHelpDeskOverridesTheLastAdministratorGuardAndOnlyWithAWrittenReason() {
        Organization lone = slack.fixtures.org("LONE1", OrganizationKind.CLINIC);
        Account onlyAdmin =
                slack.link(slack.fixtures.account(lone).role(Role.ADMINISTRATOR).create(), "U0LONE");
        // The help desk's form has the override field; without a reason the guard is shown next to it.
        JsonNode form = openModal("U0HELP", "inactivate " + onlyAdmin.username());
        Map<String, ObjectNode> typed = filledIn(form);
        assertThat(typed).containsKey("override_reason");
        typed.put("inactivation_reason", selected("NO_LONGER_NEEDS_ACCESS"));
        JsonNode refused = readJson(slack.submit(
                        "U0HELP",
                        Ids.Callbacks.INACTIVATE_USER,
                        form.get("private_metadata").asText(),
                        typed)
                .body());
        assertThat(refused.get("errors").get("override_reason").asText())
                .contains("no active administrator", "written reason");
        assertThat(slack.reload(onlyAdmin).isActive()).isTrue();

        typed.put("override_reason", text("Clinic closed; confirmed with the director by phone"));
        assertNoErrors(slack.submit(
                "U0HELP",
                Ids.Callbacks.INACTIVATE_USER,
                form.get("private_metadata").asText(),
                typed));
        assertThat(slack.reload(onlyAdmin).status()).isEqualTo(AccountStatus.INACTIVE_MANUAL);
        assertThat(slack.auditOf(onlyAdmin).get(0).reason()).contains("help desk override", "Clinic closed");

        // An administrator's form has no override field; one slipped into the submission is refused.
        confirm("U0HELP", "reactivate " + onlyAdmin.username(), "Reactivated");
        Account second = slack.fixtures.account(lone).role(Role.TYPICAL_USER).create();
        JsonNode adminForm = openModal("U0LONE", "edit " + second.username());
        Map<String, ObjectNode> adminTyped = filledIn(adminForm);
        assertThat(adminTyped).doesNotContainKey("override_reason");
        adminTyped.put("override_reason", text("because"));
        var slipped = slack.submit(
                "U0LONE",
                Ids.Callbacks.EDIT_USER,
                adminForm.get("private_metadata").asText(),
                adminTyped);
        assertThat(slipped.body()).contains("Only the MIIC help desk can override");
    }

    @Test
    void anEditThatChoosesOtherWithoutANoteIsAnsweredNextToTheNote() {
        Account staff = slack.fixtures.account(clinic).create();
        JsonNode form = openModal("U0ADMIN", "edit " + staff.username());
        Map<String, ObjectNode> typed = filledIn(form);
        typed.put("status", selected("inactive"));
        typed.put("inactivation_reason", selected("OTHER"));
        JsonNode answer = readJson(slack.submit(
                        "U0ADMIN",
                        Ids.Callbacks.EDIT_USER,
                        form.get("private_metadata").asText(),
                        typed)
                .body());
        assertThat(answer.get("errors").has("inactivation_note")).isTrue();
        assertThat(slack.reload(staff).isActive()).isTrue();
    }

    // ---- helpers

    private Organization homeOf(String slackUserId) {
        return switch (slackUserId) {
            case "U0HSU" -> system;
            case "U0HELP" -> state;
            default -> clinic;
        };
    }

    private JsonNode openModal(String slackUserId, String command) {
        return slack.openModal(slackUserId, command);
    }

    /** Types the command, checks the confirmation names the account, clicks Confirm, expects the outcome. */
    private void confirm(String slackUserId, String command, String outcome) {
        String replies = slack.command(slackUserId, command);
        JsonNode question = slack.reply(replies);
        slack.click(slackUserId, replies, Ids.Actions.CONFIRM, valueOf(question, Ids.Actions.CONFIRM));
        assertThat(textOf(slack.reply(replies, 2))).as(command).contains(outcome);
    }

    private static void assertNoErrors(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).doesNotContain("errors").doesNotContain("\"push\"");
    }

    private void setLocked(Account account, boolean locked) {
        slack.dsl
                .update(ACCOUNT)
                .set(ACCOUNT.LOCKED, locked)
                .where(ACCOUNT.ID.eq(account.id()))
                .execute();
    }

    private String credentialHash(Account account) {
        return new AccountRepository(slack.dsl).credential(account.id()).passwordHash();
    }
}
