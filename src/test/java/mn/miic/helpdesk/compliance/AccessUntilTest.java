package mn.miic.helpdesk.compliance;

import static mn.miic.helpdesk.support.BlockKit.date;
import static mn.miic.helpdesk.support.BlockKit.filledIn;
import static mn.miic.helpdesk.support.BlockKit.readJson;
import static mn.miic.helpdesk.support.BlockKit.selected;
import static mn.miic.helpdesk.support.BlockKit.text;
import static mn.miic.helpdesk.support.BlockKit.textOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mn.miic.helpdesk.accounts.access.AccessPolicy;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.AccountStatus;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.accounts.store.AccountRepository;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationKind;
import mn.miic.helpdesk.slack.Ids;
import mn.miic.helpdesk.slack.views.Text;
import mn.miic.helpdesk.support.SlackHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Time-limited access through Slack, with days moved by the application's clock: the date in the forms and on the
 * card, the warnings 7 days and 1 day before, the inactivation the day after, and a reactivation that asks for a new
 * last day or none.
 */
class AccessUntilTest {

    private final SlackHarness slack = new SlackHarness();
    private final Organization clinic = slack.fixtures.org("TEMP1", OrganizationKind.CLINIC);
    private final Account admin = slack.link(
            slack.fixtures
                    .account(clinic)
                    .role(Role.ADMINISTRATOR)
                    .name("Ada", "Admin")
                    .create(),
            "U0TEMPADMIN");

    @AfterEach
    void stop() {
        slack.close();
    }

    @Test
    void theOwnerAndTheAdministratorsAreWarnedSevenDaysAndOneDayBeforeAndTheAccountIsInactivatedTheDayAfter() {
        LocalDate start = slack.fixtures.today();
        LocalDate lastDay = start.plusDays(10);
        // Never used the bot: found by the email of the account.
        Account student = slack.member(
                slack.fixtures.account(clinic).name("Sam", "Student").accessUntil(lastDay), "U0STUDENT");
        slack.startInstance();

        List<Long> warnedOn = new ArrayList<>();
        for (int day = 0; day <= 12; day++) {
            noonOf(start.plusDays(day));
            int before = slack.dmsTo("U0STUDENT").size();
            slack.instances().forEach(app -> app.accessEnd().run());
            slack.instances().get(1).accessEnd().run();
            slack.settle();
            LocalDate today = slack.fixtures.today();
            if (slack.dmsTo("U0STUDENT").size() > before) {
                warnedOn.add(ChronoUnit.DAYS.between(today, lastDay));
            }
            if (!today.isAfter(lastDay)) {
                assertThat(slack.reload(student).status()).as("on " + today).isEqualTo(AccountStatus.ACTIVE);
            }
        }

        assertThat(warnedOn).as("days before the last day").containsExactly(7L, 1L, -1L);
        List<String> toStudent = texts("U0STUDENT");
        assertThat(toStudent.get(0)).contains("Your time-limited MIIC access ends after " + Text.date(lastDay));
        assertThat(toStudent.get(1)).contains("ends after " + Text.date(lastDay));
        assertThat(toStudent.get(2)).contains("ended", "Inactive Manual");
        List<String> toAdmin = texts("U0TEMPADMIN");
        assertThat(toAdmin).hasSize(3);
        assertThat(toAdmin.get(0)).contains("Sam Student", "/miic edit " + student.username());
        assertThat(toAdmin.get(2)).contains("/miic reactivate " + student.username());
        Account after = slack.reload(student);
        assertThat(after.status()).isEqualTo(AccountStatus.INACTIVE_MANUAL);
        assertThat(after.inactivationReason()).isEqualTo("Access ended");
        assertThat(slack.auditOf(student))
                .extracting(e -> e.action())
                .containsOnlyOnce(AuditAction.ACCESS_ENDED)
                .filteredOn(a -> a == AuditAction.ACCESS_WARNING)
                .hasSize(2);
    }

    @Test
    void theAddAndEditFormsTakeTheLastDayAndTheCardShowsIt() {
        LocalDate today = slack.fixtures.today();
        JsonNode add = slack.openModal("U0TEMPADMIN", "add");
        assertThat(add.toString()).contains("\"access_until\"", "Access until");
        Map<String, ObjectNode> typed = filledIn(add);
        typed.put("first_name", text("Tess"));
        typed.put("last_name", text("Temp"));
        typed.put("username", text("tempt1"));
        typed.put("role", selected("Read Only"));
        typed.put("area_code", text("651"));
        typed.put("phone", text("555-0100"));
        typed.put("access_until", date(today.minusDays(1).toString()));
        String meta = add.get("private_metadata").asText();

        var past = slack.submit("U0TEMPADMIN", Ids.Callbacks.ADD_USER, meta, typed);
        assertThat(past.body()).contains("errors", "\"access_until\"", "cannot be in the past");
        typed.put("access_until", date(today.plusDays(30).toString()));
        var saved = slack.submit("U0TEMPADMIN", Ids.Callbacks.ADD_USER, meta, typed);
        assertThat(saved.body()).doesNotContain("errors");

        Account temp = new AccountRepository(slack.dsl).findByUsername("tempt1").orElseThrow();
        assertThat(temp.accessUntil()).isEqualTo(today.plusDays(30));
        String card = textOf(slack.reply(slack.command("U0TEMPADMIN", "user tempt1")));
        assertThat(card).contains("Access until " + Text.date(today.plusDays(30)));
        JsonNode edit = slack.openModal("U0TEMPADMIN", "edit tempt1");
        assertThat(edit.toString()).contains("\"initial_date\":\"" + today.plusDays(30) + "\"");
        assertThat(slack.auditOf(temp))
                .filteredOn(e -> e.action() == AuditAction.ADD)
                .singleElement()
                .satisfies(e -> assertThat(e.changes().get("access_until").after())
                        .isEqualTo(today.plusDays(30).toString()));
    }

    @Test
    void reactivatingAnAccountWhoseAccessEndedAsksForANewLastDayOrNone() {
        LocalDate today = slack.fixtures.today();
        Account ended = slack.fixtures
                .account(clinic)
                .name("Erin", "Ended")
                .status(AccountStatus.INACTIVE_MANUAL)
                .accessUntil(today.minusDays(3))
                .create();

        JsonNode form = slack.openModal("U0TEMPADMIN", "reactivate " + ended.username());
        assertThat(form.get("callback_id").asText()).isEqualTo(Ids.Callbacks.REACTIVATE_USER);
        assertThat(form.toString()).contains(Text.date(today.minusDays(3)), "New last day of access");
        String meta = form.get("private_metadata").asText();
        var past = slack.submit(
                "U0TEMPADMIN",
                Ids.Callbacks.REACTIVATE_USER,
                meta,
                Map.of("access_until", date(today.minusDays(1).toString())));
        assertThat(past.body()).contains("errors", "\"access_until\"");
        assertThat(slack.reload(ended).status()).isEqualTo(AccountStatus.INACTIVE_MANUAL);

        var none = slack.submit("U0TEMPADMIN", Ids.Callbacks.REACTIVATE_USER, meta, Map.of("access_until", date(null)));
        assertThat(none.body()).doesNotContain("errors");
        Account back = slack.reload(ended);
        assertThat(back.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(back.accessUntil()).isNull();
        assertThat(slack.auditOf(ended))
                .filteredOn(e -> e.action() == AuditAction.REACTIVATE)
                .singleElement()
                .satisfies(e -> assertThat(e.changes()).containsKeys("status", "access_until"));

        // In the Edit form, Active with the old last day is refused next to the date: the sweep would undo it.
        Account again = slack.fixtures
                .account(clinic)
                .status(AccountStatus.INACTIVE_MANUAL)
                .accessUntil(today.minusDays(2))
                .create();
        JsonNode edit = slack.openModal("U0TEMPADMIN", "edit " + again.username());
        Map<String, ObjectNode> typed = filledIn(edit);
        typed.put("status", selected(Ids.Options.ACTIVE));
        var refused = slack.submit(
                "U0TEMPADMIN",
                Ids.Callbacks.EDIT_USER,
                edit.get("private_metadata").asText(),
                typed);
        assertThat(refused.body()).contains("errors", "\"access_until\"", "access ended");
        assertThat(slack.reload(again).status()).isEqualTo(AccountStatus.INACTIVE_MANUAL);
    }

    @Test
    void aSiteWhoseOnlyAdministratorsAccessEndedIsReportedToTheHelpDesk() {
        LocalDate today = slack.fixtures.today();
        Organization site = slack.fixtures.org("TEMP2", OrganizationKind.CLINIC);
        Account temporary = slack.fixtures
                .account(site)
                .role(Role.ADMINISTRATOR)
                .name("Terry", "Temporary")
                .accessUntil(today)
                .create();

        noonOf(today.plusDays(1));
        // The scheduled job may hold the account's row at this moment (its warning references it), and a run skips
        // a row someone holds: the next run takes it, as the next scheduled one would.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            slack.instances().get(0).accessEnd().run();
            return slack.reload(temporary).status() == AccountStatus.INACTIVE_MANUAL;
        });
        slack.settle();
        assertThat(slack.dmsTo(SlackHarness.HELPDESK_CHANNEL).stream()
                        .map(m -> textOf(readJson(m.get("blocks"))))
                        .filter(t -> t.contains("TEMP2")))
                .singleElement()
                .satisfies(t -> assertThat(t)
                        .contains("no active administrator", "Terry Temporary", "lost their time-limited access"));
    }

    private void noonOf(LocalDate date) {
        var target = date.atTime(LocalTime.NOON).atZone(AccessPolicy.MINNESOTA).toInstant();
        Duration by = Duration.between(slack.clock.instant(), target);
        if (!by.isNegative()) {
            slack.advance(by);
        }
    }

    private List<String> texts(String slackUserId) {
        return slack.dmsTo(slackUserId).stream()
                .map(m -> textOf(readJson(m.get("blocks"))))
                .toList();
    }
}
