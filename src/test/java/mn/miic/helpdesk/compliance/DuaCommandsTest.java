package mn.miic.helpdesk.compliance;

import static mn.miic.helpdesk.db.jooq.Tables.ACCOUNT;
import static mn.miic.helpdesk.support.BlockKit.date;
import static mn.miic.helpdesk.support.BlockKit.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.audit.AuditEntry;
import mn.miic.helpdesk.audit.AuditLog;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationKind;
import mn.miic.helpdesk.organizations.OrganizationRepository;
import mn.miic.helpdesk.slack.Ids;
import mn.miic.helpdesk.slack.views.Text;
import mn.miic.helpdesk.support.BlockKit;
import mn.miic.helpdesk.support.SlackHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code /miic dua}, its renewal by command and by form, and {@code /miic users --dua-before}, through Slack. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DuaCommandsTest {

    private static final Period THREE_YEARS = Period.ofYears(3);

    private final SlackHarness slack = new SlackHarness();
    private final LocalDate today = slack.fixtures.today();
    private final Organization state = slack.fixtures.org("MDUA", OrganizationKind.STATE, null, null);
    private final Organization soon = slack.fixtures.org(
            "SOON1", OrganizationKind.CLINIC, null, today.plusDays(20).minus(THREE_YEARS));
    private final Organization later = slack.fixtures.org(
            "LATER1", OrganizationKind.CLINIC, null, today.plusDays(400).minus(THREE_YEARS));
    private final Organization gone = slack.fixtures.org(
            "GONE1", OrganizationKind.CLINIC, null, today.minusDays(10).minus(THREE_YEARS));
    private final Organization none = slack.fixtures.org("NONE1", OrganizationKind.CLINIC, null, null);

    private final Account desk =
            slack.link(slack.fixtures.account(state).role(Role.ADMINISTRATOR).create(), "U0DUADESK");
    private final Account soonAdmin = slack.link(
            slack.fixtures.account(soon).role(Role.ADMINISTRATOR).alsoIn(later).create(), "U0SOONADMIN");
    private final Account goneAdmin =
            slack.link(slack.fixtures.account(gone).role(Role.ADMINISTRATOR).create(), "U0GONEADMIN");

    @AfterAll
    void stop() {
        slack.close();
    }

    private String answer(String slackUserId, String command) {
        return BlockKit.textOf(slack.reply(slack.command(slackUserId, command)));
    }

    @Test
    void anAdministratorSeesTheirOrganizationsSoonestToLapseFirst() {
        String list = answer("U0SOONADMIN", "dua");

        assertThat(list).contains("SOON1", "LATER1").doesNotContain("GONE1", "NONE1");
        assertThat(list.indexOf("SOON1")).isLessThan(list.indexOf("LATER1"));
        DuaTerm soonTerm = new DuaTerm(soon.duaDate(), THREE_YEARS);
        assertThat(list)
                .contains("lapses " + Text.date(soonTerm.lapsesOn()) + ", in " + soonTerm.daysLeft(today) + " days")
                .contains("dated " + Text.date(soon.duaDate()))
                .contains("in " + new DuaTerm(later.duaDate(), THREE_YEARS).daysLeft(today) + " days");
    }

    @Test
    void theHelpDeskSeesWhatLapsesWithinNinetyDaysAndWhatLapsedMiicWide() {
        String list = answer("U0DUADESK", "dua");

        long ago = -new DuaTerm(gone.duaDate(), THREE_YEARS).daysLeft(today);
        assertThat(list).contains("NONE1", "no DUA on file", "GONE1", ago + " days ago", "SOON1", "Record a renewal");
        assertThat(list).doesNotContain("LATER1").doesNotContain("MDUA");
        assertThat(list.indexOf("NONE1")).isLessThan(list.indexOf("GONE1"));
        assertThat(list.indexOf("GONE1")).isLessThan(list.indexOf("SOON1"));
    }

    @Test
    void staffWhoDoNotManageUsersAreToldWhoToAsk() {
        slack.link(slack.fixtures.account(soon).role(Role.TYPICAL_USER).create(), "U0DUASTAFF");

        assertThat(answer("U0DUASTAFF", "dua")).contains("Only MIIC administrators");
    }

    @Test
    void aRenewalRecordedByTheHelpDeskAllowsAddsAgainAtOnceAndIsAudited() {
        Organization lapsed = slack.fixtures.org(
                "GONE2", OrganizationKind.CLINIC, null, today.minusDays(3).minus(THREE_YEARS));
        slack.link(slack.fixtures.account(lapsed).role(Role.ADMINISTRATOR).create(), "U0GONE2ADMIN");
        assertThat(answer("U0GONE2ADMIN", "add")).contains("Data Use Agreement", "lapsed");

        LocalDate renewed = today.minusDays(1);
        String done = answer("U0DUADESK", "dua renew gone2 " + renewed);

        assertThat(done).contains("Recorded", "GONE2", Text.date(renewed), "Users can be added there again");
        assertThat(duaOf(lapsed)).isEqualTo(renewed);
        AuditEntry row = new AuditLog(slack.dsl)
                .forOrganization(lapsed.id(), 20).stream()
                        .filter(e -> e.action() == AuditAction.RENEW_DUA && e.outcome() == AuditEntry.Outcome.DONE)
                        .findFirst()
                        .orElseThrow();
        assertThat(row.actorAccountId()).isEqualTo(desk.id());
        assertThat(row.changes().get("dua_date").after()).isEqualTo(renewed.toString());
        JsonNode form = slack.openModal("U0GONE2ADMIN", "add");
        assertThat(form.get("callback_id").asText()).isEqualTo(Ids.Callbacks.ADD_USER);
    }

    @Test
    void aWrongRenewalIsExplainedAndChangesNothing() {
        LocalDate before = duaOf(gone);
        assertThat(answer("U0DUADESK", "dua renew GONE1 2026-13-01")).contains("is not a date", "YYYY-MM-DD");
        assertThat(answer("U0DUADESK", "dua renew GONE1 " + today.plusDays(1))).contains("cannot be in the future");
        assertThat(answer("U0DUADESK", "dua renew NOPE9 " + today)).contains("no MIIC organization with the code");
        assertThat(answer("U0DUADESK", "dua renew SOON1 " + soon.duaDate().minusDays(5)))
                .contains("newer than");
        assertThat(answer("U0DUADESK", "dua renew GONE1 " + today.minusYears(4)))
                .contains("lapsed on");
        assertThat(answer("U0GONEADMIN", "dua renew GONE1 " + today)).contains("Only the MIIC help desk");
        assertThat(answer("U0DUADESK", "dua extend GONE1")).contains("/miic dua renew CODE YYYY-MM-DD");

        assertThat(duaOf(gone)).isEqualTo(before);
        assertThat(duaOf(soon)).isEqualTo(soon.duaDate());
        assertThat(new AuditLog(slack.dsl).forOrganization(gone.id(), 50))
                .filteredOn(e -> e.action() == AuditAction.RENEW_DUA)
                .allMatch(e -> e.outcome() == AuditEntry.Outcome.REFUSED)
                .hasSize(4);
    }

    @Test
    void theRenewalFormSaysWhatIsWrongNextToItsFieldAndRecordsWhenRight() {
        Organization due = slack.fixtures.org(
                "FORMDUA", OrganizationKind.CLINIC, null, today.plusDays(5).minus(THREE_YEARS));
        int opened = slack.calls("views.open").size();
        String asked = slack.command("U0DUADESK", "dua renew formdua");
        JsonNode form = slack.awaitOpenedView(opened + 1);
        assertThat(form.get("callback_id").asText()).isEqualTo(Ids.Callbacks.RENEW_DUA);
        assertThat(form.toString()).contains("formdua");
        String meta = form.get("private_metadata").asText();

        var future = slack.submit(
                "U0DUADESK",
                Ids.Callbacks.RENEW_DUA,
                meta,
                Map.of(
                        "organization",
                        text("FORMDUA"),
                        "dua_date",
                        date(today.plusDays(2).toString())));
        assertThat(future.body()).contains("\"response_action\":\"errors\"", "\"dua_date\"", "future");
        var unknown = slack.submit(
                "U0DUADESK",
                Ids.Callbacks.RENEW_DUA,
                meta,
                Map.of("organization", text("NOPE"), "dua_date", date(today.toString())));
        assertThat(unknown.body()).contains("\"organization\"", "no MIIC organization");
        assertThat(duaOf(due)).isEqualTo(due.duaDate());

        var saved = slack.submit(
                "U0DUADESK",
                Ids.Callbacks.RENEW_DUA,
                meta,
                Map.of("organization", text("FORMDUA"), "dua_date", date(today.toString())));
        assertThat(saved.body()).doesNotContain("errors");
        assertThat(BlockKit.textOf(slack.reply(asked))).contains("Recorded", "FORMDUA");
        assertThat(duaOf(due)).isEqualTo(today);
    }

    @Test
    void onlyTheHelpDeskGetsTheRenewalForm() {
        int opened = slack.calls("views.open").size();
        assertThat(answer("U0SOONADMIN", "dua renew SOON1")).contains("Only the MIIC help desk");
        assertThat(slack.calls("views.open")).hasSize(opened);
    }

    @Test
    void usersWhoseUserDuaIsOlderThanADateOrMissingAreFound() {
        Account old = slack.fixtures.account(soon).name("Olive", "Older").create();
        Account missing = slack.fixtures.account(soon).name("Nell", "Nodate").create();
        Account recent = slack.fixtures.account(soon).name("Rita", "Recent").create();
        userDua(old, today.minusYears(2));
        userDua(recent, today.minusMonths(1));
        userDua(soonAdmin, today.minusMonths(2));

        String found = answer("U0SOONADMIN", "users --dua-before " + today.minusYears(1));

        assertThat(found)
                .contains("older than " + Text.date(today.minusYears(1)))
                .contains(old.username(), "User DUA " + Text.date(today.minusYears(2)))
                .contains(missing.username())
                .doesNotContain(recent.username())
                .doesNotContain(soonAdmin.username());
        assertThat(answer("U0SOONADMIN", "users --dua-before " + today.minusYears(1) + " older"))
                .contains(old.username())
                .doesNotContain(missing.username());
        assertThat(answer("U0SOONADMIN", "users --dua-before last-year")).contains("YYYY-MM-DD");
        assertThat(answer("U0SOONADMIN", "users --expired")).contains("I don't know the option");
    }

    private LocalDate duaOf(Organization org) {
        return new OrganizationRepository(slack.dsl)
                .findById(org.id())
                .orElseThrow()
                .duaDate();
    }

    private void userDua(Account account, LocalDate date) {
        slack.dsl
                .update(ACCOUNT)
                .set(ACCOUNT.USER_DUA_DATE, date)
                .where(ACCOUNT.ID.eq(account.id()))
                .execute();
    }
}
