package mn.miic.helpdesk.slack.delivery;

import java.util.Optional;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.store.AccountRepository;
import mn.miic.helpdesk.identity.SlackIdentities;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationRepository;
import mn.miic.helpdesk.outbox.Delivery;
import mn.miic.helpdesk.outbox.Owed;
import mn.miic.helpdesk.slack.views.ComplianceMessages;
import org.jooq.DSLContext;

/** What the registry's compliance tells people: Data Use Agreement reminders, and who left a site. */
final class ComplianceDeliveries {

    private final Sends sends;
    private final SlackIdentities identities;
    private final DSLContext dsl;
    private final Optional<String> helpDeskChannel;

    ComplianceDeliveries(Sends sends, SlackIdentities identities, DSLContext dsl, Optional<String> helpDeskChannel) {
        this.sends = sends;
        this.identities = identities;
        this.dsl = dsl;
        this.helpDeskChannel = helpDeskChannel;
    }

    /** A reminder for an agreement renewed since it was owed is not sent: it would be wrong. */
    Delivery duaReminder(Owed.DuaReminder r) {
        Organization org = organization(r.organizationId());
        if (!r.duaDate().equals(org.duaDate())) {
            return new Delivery.Skipped("superseded: the organization's DUA was renewed since");
        }
        var blocks = ComplianceMessages.duaReminder(
                org, r.duaDate(), r.lapsesOn(), r.daysBefore(), r.administratorAccountId() == null);
        String fallback = ComplianceMessages.reminderFallback(org, r.daysBefore());
        if (r.administratorAccountId() == null) {
            if (helpDeskChannel.isEmpty()) {
                return new Delivery.Skipped("no help-desk channel (HELPDESK_CHANNEL_ID) to report to");
            }
            return sends.post(helpDeskChannel.get(), fallback, blocks, "reported to the help desk");
        }
        Optional<String> administrator = identities.reach(r.administratorAccountId());
        if (administrator.isEmpty()) {
            return new Delivery.Skipped("the administrator is not in the Slack workspace");
        }
        return sends.dm(administrator.get(), fallback, blocks, "reminded an administrator by DM");
    }

    /** An administrator of an organization the leaver worked in hears who left, and who offboarded them. */
    Delivery offboarded(Owed.Offboarded o) {
        Optional<String> administrator = identities.reach(o.administratorAccountId());
        if (administrator.isEmpty()) {
            return new Delivery.Skipped("the administrator is not in the Slack workspace");
        }
        AccountRepository accounts = new AccountRepository(dsl);
        Account leaver = accounts.findById(o.accountId()).orElseThrow();
        Account by = accounts.findById(o.byAccountId()).orElseThrow();
        Organization home = organization(leaver.organizationId());
        return sends.dm(
                administrator.get(),
                leaver.displayName() + " was offboarded",
                ComplianceMessages.offboarded(leaver, home, by, o.removedOrganizations()),
                "told an administrator by DM");
    }

    /** A warning for a date since changed, or an account no longer active, is not sent: it would be wrong. */
    Delivery accessEnding(Owed.AccessEnding w) {
        Account a = new AccountRepository(dsl).findById(w.accountId()).orElseThrow();
        if (!a.isActive() || !w.accessUntil().equals(a.accessUntil())) {
            return new Delivery.Skipped("superseded: the account's last day of access changed, or it is inactive");
        }
        return toOwnerOrAdministrator(
                a,
                w.administratorAccountId(),
                "MIIC access ends soon",
                ComplianceMessages.accessEnding(a, organization(a), w.administratorAccountId() == null));
    }

    Delivery accessEnded(Owed.AccessEnded e) {
        Account a = new AccountRepository(dsl).findById(e.accountId()).orElseThrow();
        if (a.isActive()) {
            return new Delivery.Skipped("the account was reactivated since");
        }
        return toOwnerOrAdministrator(
                a,
                e.administratorAccountId(),
                "MIIC access ended",
                ComplianceMessages.accessEnded(
                        a, organization(a), e.accessUntil(), e.administratorAccountId() == null));
    }

    private Delivery toOwnerOrAdministrator(
            Account a,
            Long administratorAccountId,
            String fallback,
            java.util.List<com.slack.api.model.block.LayoutBlock> blocks) {
        long who = administratorAccountId == null ? a.id() : administratorAccountId;
        Optional<String> slackUser = identities.reach(who);
        if (slackUser.isEmpty()) {
            return new Delivery.Skipped((administratorAccountId == null ? "the account's owner" : "the administrator")
                    + " is not in the Slack workspace");
        }
        return sends.dm(
                slackUser.get(),
                fallback,
                blocks,
                administratorAccountId == null ? "told its owner by DM" : "told an administrator by DM");
    }

    private Organization organization(Account a) {
        return organization(a.organizationId());
    }

    private Organization organization(long id) {
        return new OrganizationRepository(dsl).findById(id).orElseThrow();
    }

    /** A site's review, as it is at delivery; nothing when the site has been decided meanwhile. */
    Delivery reviewAssigned(Owed.ReviewAssigned r) {
        var review = mn.miic.helpdesk.reviews.AccessReviews.current(dsl, r.campaignId(), r.organizationId());
        if (review.isEmpty() || review.get().progress().complete()) {
            return new Delivery.Skipped("the site's review is complete");
        }
        Optional<String> reviewer = identities.reach(r.reviewerAccountId());
        if (reviewer.isEmpty()) {
            return new Delivery.Skipped("the reviewer is not in the Slack workspace");
        }
        return sends.dm(
                reviewer.get(),
                "Access review of " + review.get().organization().displayName(),
                mn.miic.helpdesk.slack.views.ReviewMessages.site(review.get(), r.why(), false, r.reviewerAccountId()),
                "sent to a reviewer by DM");
    }

    Delivery reviewToHelpDesk(Owed.ReviewToHelpDesk r) {
        if (helpDeskChannel.isEmpty()) {
            return new Delivery.Skipped("no help-desk channel (HELPDESK_CHANNEL_ID) to report to");
        }
        var review = mn.miic.helpdesk.reviews.AccessReviews.current(dsl, r.campaignId(), r.organizationId());
        if (review.isEmpty() || review.get().progress().complete()) {
            return new Delivery.Skipped("the site's review is complete");
        }
        return sends.post(
                helpDeskChannel.get(),
                "An access review nobody decided: "
                        + review.get().organization().displayName(),
                mn.miic.helpdesk.slack.views.ReviewMessages.site(review.get(), null, true, null),
                "posted to the help desk");
    }
}
