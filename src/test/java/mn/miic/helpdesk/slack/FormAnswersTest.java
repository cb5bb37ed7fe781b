package mn.miic.helpdesk.slack;

import static mn.miic.helpdesk.db.jooq.Tables.ACCOUNT;
import static mn.miic.helpdesk.support.BlockKit.date;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationKind;
import mn.miic.helpdesk.support.SlackHarness;
import mn.miic.helpdesk.support.SwitchableDataSource;
import mn.miic.helpdesk.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every form, with every refusal it can produce, answered as Slack can show it: a 200 whose errors sit next to input
 * blocks the form really has, or a pushed view that says what happened. Never Slack's bare "Server Error" (a 500),
 * never an error keyed to a block the form lacks (Slack then shows nothing at all), and nothing saved.
 */
class FormAnswersTest {

    private final SwitchableDataSource database = new SwitchableDataSource(TestDatabase.fresh());
    private final SlackHarness slack = new SlackHarness(database);
    private final Organization state = slack.fixtures.org("MTEST", OrganizationKind.STATE);
    private final Organization clinic = slack.fixtures.org("FORM1", OrganizationKind.CLINIC);
    private final Organization elsewhere = slack.fixtures.org("FORM2", OrganizationKind.CLINIC);
    private final Organization lapsed = slack.fixtures.org(
            "LAPSED", OrganizationKind.PHARMACY, null, slack.fixtures.today().minusYears(4));
    private final Organization school = slack.fixtures.org("SCHOOL1", OrganizationKind.SCHOOL);
    private final Account admin = slack.link(
            slack.fixtures
                    .account(clinic)
                    .role(Role.ADMINISTRATOR)
                    .name("Ada", "Admin")
                    .create(),
            "U0ADMIN");
    private final Account otherAdmin =
            slack.fixtures.account(clinic).role(Role.ADMINISTRATOR).create();
    private final Account helpDesk =
            slack.link(slack.fixtures.account(state).role(Role.ADMINISTRATOR).create(), "U0HELP");
    private final Account staff = slack.fixtures
            .account(clinic)
            .name("Sam", "Staff")
            .email("sam.staff@form.example.org")
            .create();
    private final Account loneAdmin =
            slack.fixtures.account(elsewhere).role(Role.ADMINISTRATOR).create();

    @AfterEach
    void stop() {
        slack.close();
    }

    @Test
    void the_add_form_answers_every_refusal_next_to_its_fields_or_in_a_pushed_view() {
        JsonNode form = slack.openModal("U0ADMIN", "add");
        Answers answers = new Answers("U0ADMIN", Ids.Callbacks.ADD_USER, form, validNewUser());

        answers.fieldError("first_name", t -> t.put("first_name", text(" ")));
        answers.fieldError("last_name", t -> t.put("last_name", text("R2-D2")));
        answers.fieldError("middle_initial", t -> t.put("middle_initial", text("AB")));
        answers.fieldError("username", t -> t.put("username", text("ab")));
        answers.fieldError("username", t -> t.put("username", text("formadmin1")));
        answers.fieldError("username", t -> t.put("username", text("front-desk-2")));
        answers.fieldError("username", t -> t.put("username", text(staff.username())));
        answers.fieldError("role", t -> t.put("role", selected(null)));
        answers.fieldError("role", t -> t.put("role", selected("Supreme Leader")));
        answers.fieldError("area_code", t -> t.put("area_code", text("123")));
        answers.fieldError("phone", t -> t.put("phone", text("12345")));
        answers.fieldError("phone", t -> t.put("phone", text(null)));
        answers.fieldError("extension", t -> t.put("extension", text("1234567")));
        answers.fieldError("email", t -> t.put("email", text("not-an-email")));
        answers.fieldError("email", t -> t.put("email", text("SAM.STAFF@form.example.org")));
        answers.fieldError(
                "user_dua_date",
                t -> t.put(
                        "user_dua_date", date(slack.fixtures.today().plusDays(1).toString())));
        answers.fieldError("user_dua_date", t -> t.put("user_dua_date", date("soon")));
        answers.fieldError("additional_organizations", t -> t.put("additional_organizations", text("NOPE")));
        answers.fieldErrors(Set.of("first_name", "username", "email"), t -> {
            t.put("first_name", text(null));
            t.put("username", text("a"));
            t.put("email", text("@"));
        });
        answers.pushed("organizations whose users you manage", t -> t.put("additional_organizations", text("FORM2")));
        answers.pushed("Health System User", t -> t.put("role", selected("Health System User")));
        answers.pushedWithMetadata("FORM2", metadataFor(elsewhere), t -> {});
        answers.pushedAs("U0NOBODY", "not linked", t -> {});
        withDatabaseDown(() -> answers.pushed("unreachable", t -> {}));
        demoted(admin, () -> answers.pushed("Only a MIIC administrator", t -> {}));

        // A school's users get read-only roles only, and nobody is added where the agreement lapsed: the help desk
        // adds anywhere, through the same form.
        JsonNode schoolForm = slack.openModal("U0HELP", "add SCHOOL1");
        Answers helpDeskAnswers = new Answers("U0HELP", Ids.Callbacks.ADD_USER, schoolForm, validNewUser());
        helpDeskAnswers.pushed("read-only", t -> t.put("role", selected("Typical User")));
        helpDeskAnswers.pushedWithMetadata("Data Use Agreement", metadataFor(lapsed), t -> {});

        answers.assertNothingChanged();
        answers.saved(t -> {});
    }

    @Test
    void the_edit_form_answers_every_refusal_next_to_its_fields_or_in_a_pushed_view() {
        JsonNode form = slack.openModal("U0ADMIN", "edit " + staff.username());
        Answers answers = new Answers("U0ADMIN", Ids.Callbacks.EDIT_USER, form, Map.of());

        answers.fieldError("first_name", t -> t.put("first_name", text(null)));
        answers.fieldError("username", t -> t.put("username", text("staff")));
        answers.fieldError(
                "username", t -> t.put("username", text(otherAdmin.username().toUpperCase())));
        answers.fieldError("email", t -> t.put("email", text(admin.email())));
        answers.fieldError("phone", t -> t.put("phone", text("55")));
        answers.fieldError("inactivation_reason", t -> t.put("status", selected("inactive")));
        answers.fieldError("inactivation_note", t -> {
            t.put("status", selected("inactive"));
            t.put("inactivation_reason", selected("OTHER"));
        });
        answers.fieldError("inactivation_note", t -> {
            t.put("status", selected("inactive"));
            t.put("inactivation_reason", selected("GONE_FISHING"));
        });
        answers.pushed("Health System User", t -> t.put("role", selected("Health System User")));
        answers.pushed("Only the MIIC help desk can override", t -> t.put("override_reason", text("because")));
        answers.pushedWithMetadata("found", metadataForEdit("nosuchuser9", 0), t -> {});
        answers.pushedWithMetadata("changed by someone else", metadataForEdit(staff.username(), 99), t -> {});
        answers.pushedAs("U0NOBODY", "not linked", t -> {});
        withDatabaseDown(() -> answers.pushed("unreachable", t -> {}));
        answers.assertNothingChanged();

        // Their own account: no locking or demoting themselves.
        JsonNode own = slack.openModal("U0ADMIN", "edit " + admin.username());
        Answers self = new Answers("U0ADMIN", Ids.Callbacks.EDIT_USER, own, Map.of());
        self.pushed("your own account", t -> t.put("locked", selected("locked")));
        self.pushed("your own account", t -> t.put("role", selected("Typical User")));

        // The last administrator of a location: the help desk's form answers next to its override field.
        JsonNode lone = slack.openModal("U0HELP", "edit " + loneAdmin.username());
        new Answers("U0HELP", Ids.Callbacks.EDIT_USER, lone, Map.of())
                .fieldError("override_reason", t -> t.put("role", selected("Typical User")));

        answers.saved(t -> t.put("phone", text("555-0199")));
    }

    @Test
    void the_inactivate_form_answers_every_refusal_next_to_its_fields_or_in_a_pushed_view() {
        JsonNode form = slack.openModal("U0ADMIN", "inactivate " + staff.username());
        Answers answers = new Answers("U0ADMIN", Ids.Callbacks.INACTIVATE_USER, form, Map.of());

        answers.fieldError("inactivation_reason", t -> t.put("inactivation_reason", selected(null)));
        answers.fieldError("inactivation_note", t -> t.put("inactivation_reason", selected("OTHER")));
        answers.fieldError("inactivation_note", t -> {
            t.put("inactivation_reason", selected("OTHER"));
            t.put("inactivation_note", text("x".repeat(300)));
        });
        answers.fieldError("inactivation_note", t -> t.put("inactivation_reason", selected("GONE_FISHING")));
        answers.pushedWithMetadata(
                "found",
                metadataForEdit("nosuchuser9", null),
                t -> t.put("inactivation_reason", selected("NO_LONGER_WORKS_HERE")));
        answers.pushedAs("U0NOBODY", "not linked", t -> t.put("inactivation_reason", selected("MISUSE")));
        withDatabaseDown(() ->
                answers.pushed("unreachable", t -> t.put("inactivation_reason", selected("NO_LONGER_WORKS_HERE"))));
        answers.assertNothingChanged();

        // The last administrator: the help desk is asked for its written reason next to the field.
        JsonNode lone = slack.openModal("U0HELP", "inactivate " + loneAdmin.username());
        new Answers("U0HELP", Ids.Callbacks.INACTIVATE_USER, lone, Map.of())
                .fieldError("override_reason", t -> t.put("inactivation_reason", selected("NO_LONGER_WORKS_HERE")));

        answers.saved(t -> t.put("inactivation_reason", selected("NO_LONGER_NEEDS_ACCESS")));
        // The same submission sent again (a replay, a retry): its once-key was spent by the first, so nothing more.
        answers.pushed("already done", t -> t.put("inactivation_reason", selected("NO_LONGER_NEEDS_ACCESS")));
        assertThat(slack.auditOf(staff))
                .filteredOn(e -> e.action() == mn.miic.helpdesk.audit.AuditAction.INACTIVATE
                        && e.outcome() == mn.miic.helpdesk.audit.AuditEntry.Outcome.DONE)
                .hasSize(1);
    }

    @Test
    void the_deny_form_is_acknowledged_and_a_forged_one_answered_in_a_pushed_view() {
        Account locked = slack.link(
                slack.fixtures.account(clinic).name("Lee", "Locked").locked().create(), "U0LOCKED");
        slack.reply(slack.command("U0LOCKED", "request unlock"));
        Map<String, String> dm = slack.awaitDm("U0ADMIN", 1);
        String requestId = valueOf(readJson(dm.get("blocks")), Ids.Actions.REQUEST_DENY);
        int opened = slack.calls("views.open").size();
        slack.click("U0ADMIN", "/respond/deny", Ids.Actions.REQUEST_DENY, requestId);
        JsonNode form = slack.awaitOpenedView(opened + 1);
        Answers answers = new Answers("U0ADMIN", Ids.Callbacks.DENY_REQUEST, form, Map.of());

        answers.pushedWithMetadata("not known any more", "not-a-request", t -> {});
        answers.acknowledged(t -> t.put("reason", text("Please call the help desk.")));
        assertThat(slack.reload(locked).locked()).isTrue();
    }

    // ---- the answers, checked as Slack reads them

    /** One opened form, submitted again and again with changes; each answer is checked against the form's blocks. */
    private final class Answers {
        private final String slackUserId;
        private final String callbackId;
        private final JsonNode form;
        private final Set<String> inputBlocks = new HashSet<>();
        private final Map<String, ObjectNode> filled;
        private final int accountsBefore;

        Answers(String slackUserId, String callbackId, JsonNode form, Map<String, ObjectNode> defaults) {
            this.slackUserId = slackUserId;
            this.callbackId = callbackId;
            this.form = form;
            form.get("blocks").forEach(b -> {
                if ("input".equals(b.path("type").asText())) {
                    inputBlocks.add(b.get("block_id").asText());
                }
            });
            this.filled = new LinkedHashMap<>(filledIn(form));
            this.filled.putAll(defaults);
            this.accountsBefore = countAccounts();
        }

        void fieldError(String block, Consumer<Map<String, ObjectNode>> change) {
            fieldErrors(Set.of(block), change);
        }

        void fieldErrors(Set<String> blocks, Consumer<Map<String, ObjectNode>> change) {
            JsonNode answer = answer(slackUserId, metadata(), change);
            assertThat(answer.path("response_action").asText())
                    .as("answer to %s", answer)
                    .isEqualTo("errors");
            Set<String> keys = new HashSet<>();
            answer.get("errors").fieldNames().forEachRemaining(keys::add);
            assertThat(inputBlocks)
                    .as("every error is next to an input block of this form")
                    .containsAll(keys);
            assertThat(keys).containsAll(blocks);
            answer.get("errors").forEach(message -> assertThat(message.asText()).isNotBlank());
        }

        void pushed(String saying, Consumer<Map<String, ObjectNode>> change) {
            pushedAsWithMetadata(slackUserId, saying, metadata(), change);
        }

        void pushedAs(String who, String saying, Consumer<Map<String, ObjectNode>> change) {
            pushedAsWithMetadata(who, saying, metadata(), change);
        }

        void pushedWithMetadata(String saying, String metadata, Consumer<Map<String, ObjectNode>> change) {
            pushedAsWithMetadata(slackUserId, saying, metadata, change);
        }

        private void pushedAsWithMetadata(
                String who, String saying, String metadata, Consumer<Map<String, ObjectNode>> change) {
            JsonNode answer = answer(who, metadata, change);
            assertThat(answer.path("response_action").asText())
                    .as("answer to %s", answer)
                    .isEqualTo("push");
            JsonNode view = answer.get("view");
            assertThat(view.get("type").asText()).isEqualTo("modal");
            assertThat(view.get("title").get("text").asText().length()).isLessThanOrEqualTo(24);
            assertThat(textOf(view.get("blocks"))).containsIgnoringCase(saying).doesNotContain("Exception");
        }

        void acknowledged(Consumer<Map<String, ObjectNode>> change) {
            HttpResponse<String> response = submit(slackUserId, metadata(), change);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).doesNotContain("errors").doesNotContain("push");
        }

        void saved(Consumer<Map<String, ObjectNode>> change) {
            JsonNode answer = answer(slackUserId, metadata(), change);
            assertThat(answer.path("response_action").asText()).isEqualTo("clear");
        }

        void assertNothingChanged() {
            assertThat(countAccounts()).isEqualTo(accountsBefore);
            assertThat(slack.reload(staff)).isEqualTo(staff);
        }

        private String metadata() {
            return form.get("private_metadata").asText();
        }

        private JsonNode answer(String who, String metadata, Consumer<Map<String, ObjectNode>> change) {
            HttpResponse<String> response = submit(who, metadata, change);
            assertThat(response.statusCode())
                    .as("Slack shows its own failure for anything but 200")
                    .isEqualTo(200);
            assertThat(response.body()).as("an answer Slack can show").isNotBlank();
            return readJson(response.body());
        }

        private HttpResponse<String> submit(String who, String metadata, Consumer<Map<String, ObjectNode>> change) {
            Map<String, ObjectNode> typed = new LinkedHashMap<>();
            filled.forEach((k, v) -> typed.put(k, v.deepCopy()));
            change.accept(typed);
            return slack.submit(who, callbackId, metadata, typed);
        }
    }

    private Map<String, ObjectNode> validNewUser() {
        return Map.of(
                "first_name", text("Nia"),
                "last_name", text("Newcomb"),
                "username", text("newcombn1"),
                "role", selected("Typical User"),
                "area_code", text("651"),
                "phone", text("555-0123"));
    }

    private static String metadataFor(Organization org) {
        return new ModalMetadata(null, null, org.code(), null).encode();
    }

    private static String metadataForEdit(String username, Integer version) {
        return new ModalMetadata(username, version, null, null).encode();
    }

    private int countAccounts() {
        return slack.dsl.fetchCount(ACCOUNT);
    }

    private void withDatabaseDown(Runnable run) {
        database.down(true);
        try {
            run.run();
        } finally {
            database.down(false);
        }
    }

    private void demoted(Account account, Runnable run) {
        slack.dsl
                .update(ACCOUNT)
                .set(ACCOUNT.ROLE, Role.TYPICAL_USER.name())
                .where(ACCOUNT.ID.eq(account.id()))
                .execute();
        try {
            run.run();
        } finally {
            slack.dsl
                    .update(ACCOUNT)
                    .set(ACCOUNT.ROLE, account.role().role().name())
                    .where(ACCOUNT.ID.eq(account.id()))
                    .execute();
        }
    }
}
