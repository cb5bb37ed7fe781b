package mn.miic.helpdesk.slack;

import static mn.miic.helpdesk.db.jooq.Tables.ONCE_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import mn.miic.helpdesk.accounts.access.AccessPolicy;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationKind;
import mn.miic.helpdesk.support.SlackHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The jobs run by themselves on db-scheduler: nothing here calls them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScheduledJobsTest {

    private final SlackHarness slack = new SlackHarness(Map.of("JOBS_EVERY", "PT1S", "SWEEP_EVERY", "PT1S"));

    @AfterAll
    void stop() {
        slack.close();
    }

    @Test
    void anUnansweredRequestReachesTheHelpDeskChannelWithoutAnyoneRunningAnything() {
        Organization clinic = slack.fixtures.org("JOB1", OrganizationKind.CLINIC);
        slack.link(slack.fixtures.account(clinic).role(Role.ADMINISTRATOR).create(), "U0JOBADMIN");
        slack.link(
                slack.fixtures.account(clinic).name("Jo", "Scheduled").locked().create(), "U0JOBSTAFF");
        slack.command("U0JOBSTAFF", "request unlock");
        slack.awaitDm("U0JOBADMIN", 1);

        slack.advance(Duration.ofMinutes(31));

        await().atMost(Duration.ofSeconds(20)).until(() -> slack.dmsTo(SlackHarness.HELPDESK_CHANNEL).stream()
                .anyMatch(p -> p.get("blocks").contains("Jo Scheduled")));
    }

    @Test
    void theSweepExpiresWarnsAndTellsTheUserTheirAdministratorsAndTheHelpDesk() {
        var now = slack.clock.instant();
        Organization clinic = slack.fixtures.org("SWEEP1", OrganizationKind.CLINIC);
        slack.link(slack.fixtures.account(clinic).role(Role.ADMINISTRATOR).create(), "U0SWEEPADMIN");
        var idle = slack.link(
                slack.fixtures
                        .account(clinic)
                        .name("Idle", "Ivan")
                        .lastSignIn(now.minus(Duration.ofDays(95)))
                        .create(),
                "U0IDLE");
        slack.link(
                slack.fixtures
                        .account(clinic)
                        .name("Soon", "Sally")
                        .lastSignIn(now.minus(Duration.ofDays(80)))
                        .create(),
                "U0SOON");
        Organization lonely = slack.fixtures.org("SWEEP2", OrganizationKind.CLINIC);
        slack.fixtures
                .account(lonely)
                .role(Role.ADMINISTRATOR)
                .name("Gone", "Gary")
                .lastSignIn(now.minus(Duration.ofDays(100)))
                .create();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> !slack.dmsTo("U0IDLE").isEmpty());
        var expired = mn.miic.helpdesk.support.BlockKit.readJson(
                slack.dmsTo("U0IDLE").get(0).get("blocks"));
        assertThat(mn.miic.helpdesk.support.BlockKit.textOf(expired)).contains("Inactive Expired", "90 days");
        // One click on the notice asks for the reactivation, as /miic request reactivate would.
        String ask = Ids.Actions.askButton(mn.miic.helpdesk.requests.RequestKind.REACTIVATE);
        slack.click("U0IDLE", "/respond/idle-expired", ask, mn.miic.helpdesk.support.BlockKit.valueOf(expired, ask));
        assertThat(mn.miic.helpdesk.support.BlockKit.textOf(slack.reply("/respond/idle-expired")))
                .contains("Request #", "sent");
        await().atMost(Duration.ofSeconds(20)).until(() -> slack.dmsTo("U0SWEEPADMIN").stream()
                .anyMatch(m -> m.get("blocks").contains(idle.username())));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !slack.dmsTo("U0SOON").isEmpty());
        assertThat(slack.dmsTo("U0SOON")).hasSize(1);
        String inTenDays = java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy")
                .format(now.plus(Duration.ofDays(10)).atZone(AccessPolicy.MINNESOTA));
        assertThat(slack.dmsTo("U0SOON").get(0).get("blocks")).contains("expires on " + inTenDays);
        await().atMost(Duration.ofSeconds(20)).until(() -> slack.dmsTo(SlackHarness.HELPDESK_CHANNEL).stream()
                .anyMatch(m ->
                        m.get("blocks").contains("SWEEP2") && m.get("blocks").contains("no active administrator")));
    }

    @Test
    void twoInstancesRunTheSweepOnceBetweenThem() throws Exception {
        slack.startInstance();
        Organization clinic = slack.fixtures.org("TWICE1", OrganizationKind.CLINIC);
        var idle = slack.link(
                slack.fixtures
                        .account(clinic)
                        .lastSignIn(slack.clock.instant().minus(Duration.ofDays(120)))
                        .create(),
                "U0TWICE");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !slack.dmsTo("U0TWICE").isEmpty());
        Thread.sleep(3_000); // three more intervals on each instance
        assertThat(slack.dmsTo("U0TWICE")).as("told once").hasSize(1);
        assertThat(slack.auditOf(idle))
                .filteredOn(e -> e.action() == mn.miic.helpdesk.audit.AuditAction.EXPIRE_INACTIVE)
                .hasSize(1);
    }

    @Test
    void onceKeysOlderThanADayAreForgotten() {
        slack.dsl
                .insertInto(ONCE_KEY)
                .set(ONCE_KEY.KEY, "slack:old-trigger")
                .set(
                        ONCE_KEY.CREATED_AT,
                        OffsetDateTime.ofInstant(slack.clock.instant(), ZoneOffset.UTC)
                                .minusDays(2))
                .execute();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !slack.dsl.fetchExists(ONCE_KEY, ONCE_KEY.KEY.eq("slack:old-trigger")));
    }
}
