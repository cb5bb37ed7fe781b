package mn.miic.helpdesk.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static mn.miic.helpdesk.support.BlockKit.textOf;
import static mn.miic.helpdesk.support.BlockKit.valueOf;
import static org.assertj.core.api.Assertions.assertThat;

import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationKind;
import mn.miic.helpdesk.support.SlackHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /miic outbox}: the help desk sees what the bot owes people and what did not end delivered; nobody else. */
class OutboxCommandTest {

    private final SlackHarness slack = new SlackHarness();
    private final Organization state = slack.fixtures.org("MTEST", OrganizationKind.STATE);
    private final Organization clinic = slack.fixtures.org("BOX1", OrganizationKind.CLINIC);
    private final Account helpDesk =
            slack.link(slack.fixtures.account(state).role(Role.ADMINISTRATOR).create(), "U0HELP");
    private final Account admin =
            slack.link(slack.fixtures.account(clinic).role(Role.ADMINISTRATOR).create(), "U0ADMIN");

    @AfterEach
    void stop() {
        slack.close();
    }

    @Test
    void the_help_desk_sees_an_undone_password_and_why_and_an_administrator_is_refused() {
        slack.slack.stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
                .atPriority(1)
                .willReturn(okJson("{\"ok\":false,\"error\":\"channel_not_found\"}")));
        Account target = slack.fixtures
                .account(clinic)
                .password("Correct-Horse-Battery-7")
                .create();
        String replies = slack.command("U0ADMIN", "reset " + target.username());
        slack.click("U0ADMIN", replies, Ids.Actions.CONFIRM, valueOf(slack.reply(replies), Ids.Actions.CONFIRM));
        slack.settle();

        String report = textOf(slack.reply(slack.command("U0HELP", "outbox")));

        assertThat(report)
                .contains("Messages the bot owes people", "1 undone", "TemporaryPassword", "channel_not_found")
                .doesNotContain("Correct-Horse");
        assertThat(slack.auditOf(helpDesk)).isEmpty(); // the read is about no account
        assertThat(textOf(slack.reply(slack.command("U0ADMIN", "outbox")))).contains("Only the MIIC help desk");
        assertThat(slack.dsl.fetchCount(
                        mn.miic.helpdesk.db.jooq.Tables.AUDIT_EVENT,
                        mn.miic.helpdesk.db.jooq.Tables.AUDIT_EVENT.ACTION.eq(AuditAction.READ_OUTBOX.name())))
                .as("both reads audited, the refused one too")
                .isEqualTo(2);
    }
}
