package mn.miic.helpdesk.slack;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import mn.miic.helpdesk.accounts.access.AccessPolicy;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.identity.SlackIdentities;
import mn.miic.helpdesk.lifecycle.InactivitySweep;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.requests.Approver;
import mn.miic.helpdesk.slack.views.AccountMessages;
import mn.miic.helpdesk.slack.views.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the inactivity sweep tells people in Slack: the user, their site administrators, the help desk. */
public final class LifecycleNotices implements InactivitySweep.Notices {

    private static final Logger log = LoggerFactory.getLogger(LifecycleNotices.class);

    private final SlackApi slack;
    private final SlackIdentities identities;
    private final Optional<String> helpDeskChannel;

    public LifecycleNotices(SlackApi slack, SlackIdentities identities, Optional<String> helpDeskChannel) {
        this.slack = slack;
        this.identities = identities;
        this.helpDeskChannel = helpDeskChannel;
    }

    @Override
    public void expired(Organization organization, List<Account> accounts, List<Approver> administrators) {
        for (Account a : accounts) {
            identities
                    .slackUserOf(a.id())
                    .ifPresent(user -> dm(
                            user,
                            ":hourglass: Your MIIC account " + Text.boldName(a)
                                    + " is now *Inactive Expired*: nobody signed"
                                    + " in to it for 90 days. Ask your site's MIIC administrator to reactivate it:"
                                    + " `/miic request reactivate`."));
        }
        String list = accounts.stream().map(Text::boldName).collect(Collectors.joining(", "));
        for (Approver admin : administrators) {
            dm(
                    admin.slackUserId(),
                    Text.clip(
                            ":hourglass: These accounts at " + Text.org(organization) + " are now Inactive Expired"
                                    + " after 90 days without a sign-in: " + list + ". `/miic reactivate <username>`"
                                    + " brings one back when the person still needs MIIC.",
                            2_900));
        }
    }

    @Override
    public void warned(Account account, Instant expiresAt, int daysBefore) {
        identities
                .slackUserOf(account.id())
                .ifPresent(user -> dm(
                        user,
                        ":alarm_clock: Your MIIC account " + Text.boldName(account) + " expires on "
                                + Text.date(LocalDate.ofInstant(expiresAt, AccessPolicy.MINNESOTA))
                                + " unless you sign in to MIIC before then. Signing in once is enough."));
    }

    @Override
    public void lastAdministratorGone(Organization organization, List<Account> expiredAdministrators) {
        String text = ":warning: " + Text.org(organization) + " has no active administrator any more: "
                + expiredAdministrators.stream().map(Text::boldName).collect(Collectors.joining(", "))
                + " expired after 90 days without a sign-in. Its users cannot be unlocked or reset there until"
                + " someone is reactivated or added.";
        if (helpDeskChannel.isEmpty()) {
            log.warn("no help-desk channel to report: {}", text);
            return;
        }
        try {
            slack.post(helpDeskChannel.get(), "A location lost its last administrator", AccountMessages.say(text));
        } catch (SlackUnavailable e) {
            log.warn("could not report to the help desk: {}", text);
        }
    }

    private void dm(String slackUserId, String text) {
        try {
            slack.directMessage(slackUserId, "MIIC account notice", AccountMessages.say(text));
        } catch (SlackUnavailable e) {
            log.warn("could not DM {} a lifecycle notice", slackUserId);
        }
    }
}
