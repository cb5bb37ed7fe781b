package mn.miic.helpdesk.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import mn.miic.helpdesk.accounts.access.AccessPolicy;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.audit.AuditLog;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationKind;
import mn.miic.helpdesk.outbox.Outbox;
import mn.miic.helpdesk.outbox.OutboxStatus;
import mn.miic.helpdesk.outbox.Owed;
import mn.miic.helpdesk.support.BlockKit;
import mn.miic.helpdesk.support.SlackHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Three months and more of days, moved by the application's clock, with two bot instances running the reminder job
 * every day: each agreement's 90, 30, 7 and lapse-day reminders go on their day, once, to the right people.
 */
class DuaRemindersTest {

    private static final Period THREE_YEARS = Period.ofYears(3);

    private final SlackHarness slack = new SlackHarness();

    @AfterEach
    void stop() {
        slack.close();
    }

    @Test
    void eachReminderGoesOnItsDayOnceToTheSitesAdministratorsAndTheParentsHealthSystemUsers() {
        LocalDate start = slack.fixtures.today();
        // Lapses 95 days from now; signed three years before that.
        LocalDate signed = start.plusDays(95).minus(THREE_YEARS);
        DuaTerm term = new DuaTerm(signed, THREE_YEARS);
        Organization system = slack.fixtures.org("DUASYS", OrganizationKind.HEALTH_SYSTEM, null, start.minusYears(1));
        Organization clinic = slack.fixtures.org("DUA1", OrganizationKind.CLINIC, system, signed);
        slack.link(slack.fixtures.account(clinic).role(Role.ADMINISTRATOR).create(), "U0DUAADMIN");
        // Never used the bot: found in Slack by the email of their account, like every administrator.
        slack.member(slack.fixtures.account(system).role(Role.HEALTH_SYSTEM_USER), "U0DUAHSU");
        slack.link(slack.fixtures.account(clinic).role(Role.TYPICAL_USER).create(), "U0DUASTAFF");
        // Nobody at this one can be told: the help desk hears instead.
        Organization alone = slack.fixtures.org("DUALONE", OrganizationKind.CLINIC, null, signed);
        // Recorded late, 20 days before it lapses: the 30-day reminder, not the 90-day one too.
        LocalDate lateSigned = start.plusDays(20).minus(THREE_YEARS);
        Organization late = slack.fixtures.org("DUALATE", OrganizationKind.CLINIC, null, lateSigned);
        slack.link(slack.fixtures.account(late).role(Role.ADMINISTRATOR).create(), "U0LATEADMIN");
        slack.startInstance();

        List<Long> remindedOn = new ArrayList<>();
        long daysLeft = term.daysLeft(start);
        for (int day = 0; day <= daysLeft + 3; day++) {
            noonOf(start.plusDays(day));
            int before = slack.dmsTo("U0DUAADMIN").size();
            slack.instances().forEach(app -> app.duaReminders().run());
            slack.instances().get(1).duaReminders().run();
            slack.settle();
            if (slack.dmsTo("U0DUAADMIN").size() > before) {
                remindedOn.add(term.daysLeft(slack.fixtures.today()));
            }
        }

        assertThat(remindedOn).as("days before the lapse").containsExactly(90L, 30L, 7L, 0L);
        List<String> toAdmin = texts("U0DUAADMIN");
        String lapses = mn.miic.helpdesk.slack.views.Text.date(term.lapsesOn());
        assertThat(toAdmin.get(0)).contains("DUA1", "lapses on " + lapses, "in 90 days", AccessPolicy.HELP_DESK_EMAIL);
        assertThat(toAdmin.get(1)).contains("in 30 days");
        assertThat(toAdmin.get(2)).contains("in 7 days");
        assertThat(toAdmin.get(3)).contains("lapsed on " + lapses, "No new users can be added");
        assertThat(texts("U0DUAHSU")).hasSize(4).allMatch(t -> t.contains("DUA1"));
        assertThat(slack.dmsTo("U0DUASTAFF")).as("not a user manager").isEmpty();
        assertThat(new AuditLog(slack.dsl).forOrganization(clinic.id(), 100))
                .filteredOn(e -> e.action() == AuditAction.DUA_REMINDER)
                .hasSize(4);

        assertThat(slack.dmsTo(SlackHarness.HELPDESK_CHANNEL).stream()
                        .map(m -> m.get("blocks"))
                        .filter(b -> b.contains("DUALONE")))
                .hasSize(4)
                .allMatch(b -> b.contains("Nobody at the organization can be told"));
        List<String> toLate = texts("U0LATEADMIN");
        assertThat(toLate).hasSize(3);
        assertThat(toLate.get(0)).contains("in 30 days");
        assertThat(toLate.get(2)).contains("lapsed on");
    }

    @Test
    void aReminderOwedBeforeARenewalIsNotSentAndTheRenewedAgreementHasNoneDueYet() {
        LocalDate start = slack.fixtures.today();
        LocalDate oldSigned = start.plusDays(7).minus(THREE_YEARS);
        Organization clinic = slack.fixtures.org("DUAREN", OrganizationKind.CLINIC, null, start);
        var admin = slack.link(
                slack.fixtures.account(clinic).role(Role.ADMINISTRATOR).create(), "U0RENADMIN");
        var outbox = slack.instances().get(0).outbox();

        // The old agreement's reminder, still waiting when the renewal was recorded.
        long owed = slack.dsl.transactionResult(cfg -> outbox.owe(
                cfg.dsl(),
                new Owed.DuaReminder(
                        clinic.id(), admin.id(), oldSigned, new DuaTerm(oldSigned, THREE_YEARS).lapsesOn(), 7),
                Outbox.Options.none()));
        slack.settle();

        var message = outbox.find(owed).orElseThrow();
        assertThat(message.status()).isEqualTo(OutboxStatus.SKIPPED);
        assertThat(message.outcome()).contains("superseded");
        slack.instances().get(0).duaReminders().run();
        slack.settle();
        assertThat(slack.dmsTo("U0RENADMIN")).isEmpty();
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
                .map(m -> BlockKit.textOf(BlockKit.readJson(m.get("blocks"))))
                .toList();
    }
}
