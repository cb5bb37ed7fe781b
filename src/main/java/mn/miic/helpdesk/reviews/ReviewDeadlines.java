package mn.miic.helpdesk.reviews;

import static mn.miic.helpdesk.db.jooq.Tables.REVIEW_SITE;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mn.miic.helpdesk.accounts.store.OffboardingRepository;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.audit.AuditLog;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationRepository;
import mn.miic.helpdesk.outbox.Outbox;
import mn.miic.helpdesk.outbox.Owed;
import mn.miic.helpdesk.reviews.ReviewRepository.Campaign;
import mn.miic.helpdesk.reviews.ReviewRepository.SiteProgress;
import org.jooq.DSLContext;

/**
 * The clock of access reviews: the scheduled campaign when it is due; a reminder to a site's administrators halfway
 * to the due date; at the due date, the Health System Users of the site's parents; half a period later (or at once,
 * when the site has none above it), the help-desk channel. Each step is claimed once per site in the transaction that
 * audits it and owes its messages, so it happens once whatever the number of instances.
 */
public final class ReviewDeadlines {

    /** What a run did. */
    public record Report(Optional<AccessReviews.Started> started, int reminded, int escalated, int toHelpDesk) {}

    private final DSLContext dsl;
    private final Outbox outbox;
    private final Clock clock;
    private final AccessReviews reviews;

    public ReviewDeadlines(DSLContext dsl, Outbox outbox, Clock clock, AccessReviews reviews) {
        this.dsl = dsl;
        this.outbox = outbox;
        this.clock = clock;
        this.reviews = reviews;
    }

    public Report run() {
        Optional<AccessReviews.Started> started = reviews.startIfDue(dsl);
        Instant now = clock.instant();
        int[] counts = new int[3];
        ReviewRepository repository = new ReviewRepository(dsl);
        for (long campaignId : repository.openCampaigns()) {
            Campaign campaign = repository.campaign(campaignId).orElseThrow();
            for (SiteProgress site : repository.progress(ReviewRepository.inCampaign(campaignId))) {
                if (!site.complete()) {
                    dsl.transaction(cfg -> step(cfg.dsl(), campaign, site.organizationId(), now, counts));
                }
            }
        }
        return new Report(started, counts[0], counts[1], counts[2]);
    }

    private void step(DSLContext tx, Campaign campaign, long organizationId, Instant now, int[] counts) {
        ReviewRepository repository = new ReviewRepository(tx);
        Organization org =
                new OrganizationRepository(tx).findById(organizationId).orElseThrow();
        Duration length = Duration.between(campaign.startedAt(), campaign.dueAt());
        Instant halfway = campaign.startedAt().plus(length.dividedBy(2));
        long id = campaign.id();
        if (!now.isBefore(halfway)
                && now.isBefore(campaign.dueAt())
                && repository.claim(id, organizationId, REVIEW_SITE.REMINDED_AT)) {
            List<Long> reviewers = new OffboardingRepository(tx).managersIn(List.of(organizationId), -1);
            reviewers.forEach(
                    r -> owe(tx, new Owed.ReviewAssigned(id, organizationId, r, Owed.ReviewAssigned.Why.REMINDER)));
            audit(tx, campaign, org, "reminder to " + reviewers.size() + " administrators");
            counts[0]++;
        }
        if (!now.isBefore(campaign.dueAt()) && repository.claim(id, organizationId, REVIEW_SITE.ESCALATED_AT)) {
            List<Long> above = repository.healthSystemUsersIn(new OrganizationRepository(tx).ancestorIdsOf(org));
            if (above.isEmpty()) {
                repository.claim(id, organizationId, REVIEW_SITE.HELP_DESK_AT);
                owe(tx, new Owed.ReviewToHelpDesk(id, organizationId));
                audit(tx, campaign, org, "not decided by the due date: to the help desk (no Health System User above)");
                counts[2]++;
            } else {
                above.forEach(h ->
                        owe(tx, new Owed.ReviewAssigned(id, organizationId, h, Owed.ReviewAssigned.Why.ESCALATED)));
                audit(tx, campaign, org, "not decided by the due date: to " + above.size() + " Health System Users");
                counts[1]++;
            }
        }
        if (!now.isBefore(campaign.dueAt().plus(length.dividedBy(2)))
                && repository.claim(id, organizationId, REVIEW_SITE.HELP_DESK_AT)) {
            owe(tx, new Owed.ReviewToHelpDesk(id, organizationId));
            audit(tx, campaign, org, "still not decided: to the help desk");
            counts[2]++;
        }
    }

    private void owe(DSLContext tx, Owed message) {
        outbox.owe(tx, message, Outbox.Options.none());
    }

    private static void audit(DSLContext tx, Campaign campaign, Organization org, String what) {
        new AuditLog(tx)
                .done(
                        new Actor(null, null, "access-review-" + campaign.id()),
                        null,
                        AuditAction.REVIEW_ESCALATED,
                        new AuditLog.Subject(null, null, org.id(), org.code()),
                        "access review #" + campaign.id() + ": " + what,
                        Map.of());
    }
}
