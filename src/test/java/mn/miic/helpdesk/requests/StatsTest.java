package mn.miic.helpdesk.requests;

import static mn.miic.helpdesk.db.jooq.Tables.HELP_REQUEST;
import static mn.miic.helpdesk.support.BlockKit.textOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.observability.Meters;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationKind;
import mn.miic.helpdesk.slack.Ids;
import mn.miic.helpdesk.support.SlackHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A scripted week of requests for help, with time moved by the application's clock, then the help desk's figures as
 * {@code /miic stats}, its App Home and {@code /metrics} show them.
 */
class StatsTest {

    private final SlackHarness slack = new SlackHarness(Map.of("REQUEST_LIFETIME", "P3D", "JOBS_EVERY", "PT1H"));
    private final Organization state = slack.fixtures.org("MSTAT", OrganizationKind.STATE);
    private final Organization clinic = slack.fixtures.org("STAT1", OrganizationKind.CLINIC);

    @AfterEach
    void stop() {
        slack.close();
    }

    private Account locked(String slackUserId) {
        return slack.link(slack.fixtures.account(clinic).locked().create(), slackUserId);
    }

    private String ask(String slackUserId, Account account) {
        slack.command(slackUserId, "request unlock");
        slack.settle();
        return String.valueOf(slack.dsl
                .select(HELP_REQUEST.ID)
                .from(HELP_REQUEST)
                .where(HELP_REQUEST.ACCOUNT_ID.eq(account.id()))
                .fetchOne(HELP_REQUEST.ID));
    }

    @Test
    void theFiguresOfAScriptedWeekOfRequests() {
        slack.link(slack.fixtures.account(state).role(Role.ADMINISTRATOR).create(), "U0STATDESK");
        slack.link(slack.fixtures.account(clinic).role(Role.ADMINISTRATOR).create(), "U0STATADMIN");
        Account s1 = locked("U0STAT1");
        Account s2 = locked("U0STAT2");
        Account s3 = locked("U0STAT3");
        Account s4 = locked("U0STAT4");
        var requests = slack.instances().get(0).requests();

        // Day 0: approved by the site after 10 minutes.
        String r1 = ask("U0STAT1", s1);
        slack.advance(Duration.ofMinutes(10));
        slack.click("U0STATADMIN", "/respond/r1", Ids.Actions.REQUEST_APPROVE, r1);
        slack.settle();
        // Day 1: nobody at the site; escalated after 31 minutes, claimed at 45, approved by the help desk at 60.
        slack.advance(Duration.ofDays(1).minusMinutes(10));
        String r2 = ask("U0STAT2", s2);
        slack.advance(Duration.ofMinutes(31));
        requests.escalate().run();
        slack.advance(Duration.ofMinutes(14));
        slack.click("U0STATDESK", "/respond/r2-claim", Ids.Actions.REQUEST_CLAIM, r2);
        slack.settle();
        slack.advance(Duration.ofMinutes(15));
        slack.click("U0STATDESK", "/respond/r2", Ids.Actions.REQUEST_APPROVE, r2);
        slack.settle();
        // Day 3: approved by the site after 2 hours.
        slack.advance(Duration.ofDays(2).minusHours(1));
        String r3 = ask("U0STAT3", s3);
        slack.advance(Duration.ofHours(2));
        slack.click("U0STATADMIN", "/respond/r3", Ids.Actions.REQUEST_APPROVE, r3);
        slack.settle();
        // Day 5: escalated, then nobody decides it: it expires after its three days.
        slack.advance(Duration.ofDays(2).minusHours(2));
        ask("U0STAT4", s4);
        slack.advance(Duration.ofMinutes(31));
        requests.escalate().run();
        slack.advance(Duration.ofDays(3));
        requests.expire().run();
        slack.settle();

        String stats = textOf(slack.reply(slack.command("U0STATDESK", "stats")));

        String week = stats.substring(stats.indexOf("Last 7 days"), stats.indexOf("Last 30 days"));
        assertThat(week)
                .contains("2 asked · 1 decided · 0 open · 1 expired unanswered")
                .contains("Decided by the site: 1 (100%) · by the help desk: 0 · escalated to the help desk: 1")
                .contains("First response: median 2 h, 90% within 2 h")
                .contains("Decision: median 2 h");
        String month = stats.substring(stats.indexOf("Last 30 days"));
        assertThat(month)
                .contains("4 asked · 3 decided · 0 open · 1 expired unanswered")
                .contains("Decided by the site: 2 (67%) · by the help desk: 1 · escalated to the help desk: 2")
                .contains("First response: median 45 min, 90% within 2 h")
                .contains("Decision: median 1 h, 90% within 2 h");
        assertThat(stats).contains("STAT1", "MIIC-wide");

        String scraped = Meters.scrape();
        assertThat(scraped)
                .contains("miic_request_decision_seconds_bucket{by=\"help_desk\"")
                .contains("miic_request_decision_seconds_bucket{by=\"site\"")
                .contains("miic_request_first_response_seconds_bucket")
                .contains("miic_request_escalations_total")
                .contains("miic_requests_expired_total");

        slack.appHomeOpened("U0STATDESK", "home");
        assertThat(textOf(slack.lastHomeOf("U0STATDESK")))
                .contains("Requests for help: the figures", "4 asked · 3 decided");
        assertThat(textOf(slack.reply(slack.command("U0STATADMIN", "stats")))).contains("your organizations", "STAT1");
        assertThat(textOf(slack.reply(slack.command("U0STAT1", "stats")))).contains("are for MIIC administrators");
    }
}
