package mn.miic.helpdesk.slack.delivery;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import mn.miic.helpdesk.accounts.access.AccessPolicy;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.store.AccountRepository;
import mn.miic.helpdesk.identity.SlackIdentities;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationRepository;
import mn.miic.helpdesk.outbox.Delivery;
import mn.miic.helpdesk.outbox.Owed;
import mn.miic.helpdesk.slack.views.AccountMessages;
import mn.miic.helpdesk.slack.views.AskMessages;
import mn.miic.helpdesk.slack.views.Text;
import org.jooq.DSLContext;

/** What the inactivity sweep tells people: the owner, their site's administrators, the help desk. */
final class SweepDeliveries {

    private static final String FALLBACK = "MIIC account notice";

    private final Sends sends;
    private final SlackIdentities identities;
    private final DSLContext dsl;
    private final Optional<String> helpDeskChannel;

    SweepDeliveries(Sends sends, SlackIdentities identities, DSLContext dsl, Optional<String> helpDeskChannel) {
        this.sends = sends;
        this.identities = identities;
        this.dsl = dsl;
        this.helpDeskChannel = helpDeskChannel;
    }

    Delivery expired(Owed.AccountExpired e) {
        Optional<String> owner = identities.reach(e.accountId());
        if (owner.isEmpty()) {
            return new Delivery.Skipped("the account has no linked Slack user to tell");
        }
        Account a = account(e.accountId());
        return sends.dm(owner.get(), FALLBACK, AskMessages.expired(a), "told its owner by DM");
    }

    /** The sign-in page locked the account: its owner hears it at once, with the button that asks for the unlock. */
    Delivery lockedOut(Owed.LockedOut l) {
        Optional<String> owner = identities.reach(l.accountId());
        if (owner.isEmpty()) {
            return new Delivery.Skipped("the account's owner is not in the Slack workspace");
        }
        Account a = account(l.accountId());
        return sends.dm(
                owner.get(),
                "Your MIIC account was locked",
                AskMessages.lockedOut(a, organization(a.organizationId()), l.failures(), l.at()),
                "told its owner by DM");
    }

    /** A password expired: its owner hears it, unless a new one was set meanwhile or the account is not usable. */
    Delivery passwordExpired(Owed.PasswordExpired p) {
        var credential = new AccountRepository(dsl).credential(p.accountId());
        if (credential.expiresAt() == null || !credential.expiresAt().equals(p.expiresAt())) {
            return new Delivery.Skipped("superseded: the account has had a new password since");
        }
        Account a = account(p.accountId());
        if (!a.isActive() || a.locked()) {
            return new Delivery.Skipped("the account is " + (a.locked() ? "locked" : "inactive") + " now");
        }
        Optional<String> owner = identities.reach(p.accountId());
        if (owner.isEmpty()) {
            return new Delivery.Skipped("the account's owner is not in the Slack workspace");
        }
        return sends.dm(
                owner.get(),
                "Your MIIC password expired",
                AskMessages.passwordExpired(a, organization(a.organizationId()), p.expiresAt(), p.temporary()),
                "told its owner by DM");
    }

    Delivery report(Owed.ExpiredAccountsReport r) {
        Optional<String> administrator = identities.reach(r.administratorAccountId());
        if (administrator.isEmpty()) {
            return new Delivery.Skipped("the administrator is not in the Slack workspace");
        }
        Organization org = organization(r.organizationId());
        String list = new AccountRepository(dsl)
                .findAllById(r.accountIds()).stream().map(Text::boldName).collect(Collectors.joining(", "));
        return sends.dm(
                administrator.get(),
                FALLBACK,
                AccountMessages.say(Text.clip(
                        ":hourglass: These accounts at " + Text.org(org) + " are now Inactive Expired after 90 days"
                                + " without a sign-in: " + list
                                + ". `/miic reactivate &lt;username&gt;` brings one back"
                                + " when the person still needs MIIC.",
                        2_900)),
                "told an administrator by DM");
    }

    Delivery warning(Owed.ExpiryWarning w) {
        Optional<String> owner = identities.reach(w.accountId());
        if (owner.isEmpty()) {
            return new Delivery.Skipped("the account has no linked Slack user to warn");
        }
        Account a = account(w.accountId());
        return sends.dm(
                owner.get(),
                FALLBACK,
                AccountMessages.say(":alarm_clock: Your MIIC account " + Text.boldName(a) + " expires on "
                        + Text.date(LocalDate.ofInstant(w.expiresAt(), AccessPolicy.MINNESOTA))
                        + " unless you sign in to MIIC before then. Signing in once is enough."),
                "warned its owner by DM");
    }

    Delivery lastAdministratorGone(Owed.LastAdministratorGone g) {
        if (helpDeskChannel.isEmpty()) {
            return new Delivery.Skipped("no help-desk channel (HELPDESK_CHANNEL_ID) to report to");
        }
        Organization org = organization(g.organizationId());
        List<Account> gone = new AccountRepository(dsl).findAllById(g.accountIds());
        String text = ":warning: " + Text.org(org) + " has no active administrator any more: "
                + gone.stream().map(Text::boldName).collect(Collectors.joining(", "))
                + " " + (g.how() == null ? "expired after 90 days without a sign-in" : Text.escape(g.how()))
                + ". Its users cannot be unlocked or reset there until"
                + " someone is reactivated or added.";
        return sends.post(
                helpDeskChannel.get(),
                "A location lost its last administrator",
                AccountMessages.say(text),
                "reported to the help desk");
    }

    private Account account(long id) {
        return new AccountRepository(dsl).findById(id).orElseThrow();
    }

    private Organization organization(long id) {
        return new OrganizationRepository(dsl).findById(id).orElseThrow();
    }
}
