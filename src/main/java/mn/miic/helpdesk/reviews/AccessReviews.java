package mn.miic.helpdesk.reviews;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mn.miic.helpdesk.accounts.access.AccessPolicy;
import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.accounts.access.Requester;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.InactivationReason;
import mn.miic.helpdesk.accounts.store.AccountRepository;
import mn.miic.helpdesk.accounts.store.OffboardingRepository;
import mn.miic.helpdesk.accounts.usecases.AccountTransactions;
import mn.miic.helpdesk.accounts.usecases.InactivateAccount;
import mn.miic.helpdesk.accounts.usecases.Together;
import mn.miic.helpdesk.accounts.usecases.UnitOfWork;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.audit.AuditLog;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationKind;
import mn.miic.helpdesk.organizations.OrganizationRepository;
import mn.miic.helpdesk.outbox.Outbox;
import mn.miic.helpdesk.outbox.Owed;
import mn.miic.helpdesk.reviews.ReviewRepository.Campaign;
import mn.miic.helpdesk.reviews.ReviewRepository.Decision;
import mn.miic.helpdesk.reviews.ReviewRepository.SiteProgress;
import org.jooq.DSLContext;

/**
 * Access reviews (user re-certification): each site's user-managing administrators confirm, user by user, who still
 * needs MIIC: Keep, or Inactivate (the inactivate use case, every guard applying). Nobody confirms their own access.
 * Each decision is authorized again when it is made and audited; the campaign's results stay in {@code review_item}.
 */
public final class AccessReviews {

    public static final int PAGE_SIZE = 10;

    /** How often a MIIC-wide campaign starts by itself, and how long a site has to decide. */
    public record Settings(Period every, Duration due) {}

    /** One site's review as a reviewer sees it: progress, and a page of the users still to confirm. */
    public record SiteReview(
            Campaign campaign, Organization organization, SiteProgress progress, List<Account> page, int pageNumber) {

        public int pages() {
            return Math.max(1, (progress.open() + PAGE_SIZE - 1) / PAGE_SIZE);
        }
    }

    /** A campaign started: its id and due date, and how many sites and users it asks about. */
    public record Started(long campaignId, Instant dueAt, int sites, int users) {}

    /** A site waiting for a decision, for {@code /miic review} and the App Home. */
    public record Waiting(Campaign campaign, Organization organization, SiteProgress progress) {}

    /**
     * @param helpDesk whether this is the help desk's view: every site of every open campaign, complete or not
     */
    public record Overview(boolean helpDesk, List<Waiting> sites) {}

    private final AccountTransactions transactions;
    private final AccessPolicy policy;
    private final InactivateAccount inactivate;
    private final Clock clock;
    private final Settings settings;

    public AccessReviews(
            AccountTransactions transactions,
            AccessPolicy policy,
            InactivateAccount inactivate,
            Clock clock,
            Settings settings) {
        this.transactions = transactions;
        this.policy = policy;
        this.inactivate = inactivate;
        this.clock = clock;
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /** The help desk starts a campaign for these organizations (codes), or for every one when none is named. */
    public Started start(Actor actor, List<String> codes) {
        return transactions.run(actor, AuditAction.REVIEW_STARTED, unit -> {
            Requester requester = unit.requester();
            unit.about(requester.account());
            if (!requester.isHelpDesk() || !requester.account().isInGoodStanding()) {
                throw Refusal.notAllowed(
                        "Only the MIIC help desk starts an access review. Your open reviews:" + " /miic review.");
            }
            List<Organization> orgs = new ArrayList<>();
            for (String code : codes) {
                orgs.add(unit.organizations()
                        .findByCode(code)
                        .orElseThrow(() -> Refusal.notAllowed(
                                "There is no MIIC organization with the code \"" + code + "\". Nothing was started.")));
            }
            Started started = begin(unit.dsl(), requester.account().id(), orgs.isEmpty() ? null : orgs);
            if (started.sites() == 0) {
                throw Refusal.notAllowed(
                        "No active users at " + (orgs.isEmpty() ? "any organization" : "those" + " organizations")
                                + ": nothing to review, and nothing was started.");
            }
            unit.done(
                    "access review #" + started.campaignId() + " of " + started.sites() + " sites, " + started.users()
                            + " users, due " + started.dueAt(),
                    Map.of());
            return started;
        });
    }

    /**
     * The scheduled campaign, MIIC-wide, once every {@code ACCESS_REVIEW_EVERY} after the last one (or after the
     * schedule first ran): started by whichever instance gets the schedule's lock first.
     */
    public Optional<Started> startIfDue(DSLContext dsl) {
        return dsl.transactionResult(cfg -> {
            ReviewRepository reviews = new ReviewRepository(cfg.dsl());
            Instant since = reviews.scheduleSince();
            Instant last =
                    reviews.lastEverywhereStart().filter(t -> t.isAfter(since)).orElse(since);
            Instant now = clock.instant();
            if (now.isBefore(
                    last.atOffset(ZoneOffset.UTC).plus(settings.every()).toInstant())) {
                return Optional.<Started>empty();
            }
            Started started = begin(cfg.dsl(), null, null);
            new AuditLog(cfg.dsl())
                    .done(
                            new Actor(null, null, "access-review-schedule"),
                            null,
                            AuditAction.REVIEW_STARTED,
                            AuditLog.Subject.NONE,
                            "scheduled access review #" + started.campaignId() + " of " + started.sites() + " sites, "
                                    + started.users() + " users, due " + started.dueAt(),
                            Map.of());
            return Optional.of(started);
        });
    }

    /** A campaign's sites and users, and each site's administrators told. */
    private Started begin(DSLContext tx, Long startedBy, List<Organization> only) {
        Instant due = clock.instant().plus(settings.due());
        ReviewRepository reviews = new ReviewRepository(tx);
        long id = reviews.createCampaign(startedBy, due, only == null);
        List<Organization> orgs = only != null
                ? only
                : new OrganizationRepository(tx)
                        .findAll().stream()
                                // The help desk is the reviewer of last resort; its own staff are not a site's.
                                .filter(o -> o.kind() != OrganizationKind.STATE)
                                .toList();
        int sites = 0;
        int users = 0;
        Outbox outbox = transactions.outbox();
        for (Organization org : orgs) {
            int added = reviews.addSite(id, org.id());
            if (added == 0) {
                continue;
            }
            sites++;
            users += added;
            for (long reviewer : new OffboardingRepository(tx).managersIn(List.of(org.id()), -1)) {
                outbox.owe(
                        tx,
                        new Owed.ReviewAssigned(id, org.id(), reviewer, Owed.ReviewAssigned.Why.STARTED),
                        Outbox.Options.none());
            }
        }
        return new Started(id, due, sites, users);
    }

    /** A page of one site's review, for a reviewer who may decide it now. */
    public SiteReview site(Actor actor, long campaignId, long organizationId, int page) {
        return transactions.run(actor, AuditAction.READ_REVIEW, unit -> {
            Organization org = reviewable(unit, organizationId);
            SiteReview review = page(unit, campaignId, org, page);
            unit.done("access review #" + campaignId + ", page " + (page + 1), Map.of());
            return review;
        });
    }

    /** Keep: this person still needs MIIC. */
    public SiteReview keep(Actor actor, long campaignId, long accountId) {
        return transactions.run(actor, AuditAction.REVIEW_KEEP, unit -> {
            var item = openItem(unit, campaignId, accountId);
            new ReviewRepository(unit.dsl())
                    .decide(
                            campaignId,
                            accountId,
                            Decision.KEEP,
                            unit.requester().account().id());
            unit.done("access review #" + campaignId + ": still needs MIIC", Map.of());
            return page(
                    unit,
                    campaignId,
                    unit.organizations().findById(item.organizationId()).orElseThrow(),
                    0);
        });
    }

    /** Keep everyone still to confirm at the site (but the reviewer themselves): one audit row per person. */
    public SiteReview keepAll(Actor actor, long campaignId, long organizationId) {
        return transactions.run(actor, AuditAction.REVIEW_KEEP, unit -> {
            Organization org = reviewable(unit, organizationId);
            ReviewRepository reviews = new ReviewRepository(unit.dsl());
            requireKnown(reviews, campaignId);
            long me = unit.requester().account().id();
            AuditLog audit = new AuditLog(unit.dsl());
            int kept = 0;
            for (long accountId : reviews.openAccounts(campaignId, org.id(), 0, Integer.MAX_VALUE)) {
                if (accountId == me
                        || reviews.lockItem(campaignId, accountId)
                                .map(i -> i.decision() != null)
                                .orElse(true)) {
                    continue;
                }
                Account a = unit.accounts().findById(accountId).orElseThrow();
                reviews.decide(campaignId, accountId, Decision.KEEP, me);
                audit.done(
                        unit.actor(),
                        unit.requester().account().username(),
                        AuditAction.REVIEW_KEEP,
                        new AuditLog.Subject(a.id(), a.username(), org.id(), org.code()),
                        "access review #" + campaignId + ": still needs MIIC (kept with all remaining)",
                        Map.of());
                kept++;
            }
            unit.about(org);
            unit.done("access review #" + campaignId + ": kept all " + kept + " remaining at " + org.code(), Map.of());
            return page(unit, campaignId, org, 0);
        });
    }

    /**
     * Inactivate: the inactivate use case with the reason "no longer needs access", every guard applying; the decision
     * commits with the inactivation or not at all.
     */
    public SiteReview inactivate(Actor actor, long campaignId, long accountId) {
        String username = transactions.run(actor, AuditAction.READ_REVIEW, unit -> {
            Account a = unit.accounts().findById(accountId).orElseThrow(() -> Refusal.notFound("#" + accountId));
            unit.about(a);
            unit.done("before inactivating in access review #" + campaignId, Map.of());
            return a.username();
        });
        inactivate.execute(
                actor,
                username,
                InactivationReason.NO_LONGER_NEEDS_ACCESS,
                "access review #" + campaignId,
                null,
                new Together() {
                    @Override
                    public boolean claim(UnitOfWork unit) {
                        openItem(unit, campaignId, accountId);
                        return true;
                    }

                    @Override
                    public java.util.OptionalLong accountId() {
                        return java.util.OptionalLong.of(accountId);
                    }

                    @Override
                    public void then(UnitOfWork unit) {
                        new ReviewRepository(unit.dsl())
                                .decide(
                                        campaignId,
                                        accountId,
                                        Decision.INACTIVATE,
                                        unit.requester().account().id());
                    }
                });
        return transactions.run(actor, AuditAction.READ_REVIEW, unit -> {
            long orgId = new ReviewRepository(unit.dsl())
                    .lockItem(campaignId, accountId)
                    .orElseThrow()
                    .organizationId();
            Organization org = unit.organizations().findById(orgId).orElseThrow();
            unit.about(org);
            unit.done("after inactivating in access review #" + campaignId, Map.of());
            return page(unit, campaignId, org, 0);
        });
    }

    /**
     * The requester's sites still to decide; for the help desk, every site of the campaigns still open or started
     * within the last {@code ACCESS_REVIEW_EVERY}, complete or not.
     */
    public Overview overview(Actor actor) {
        return transactions.run(actor, AuditAction.READ_REVIEW, unit -> {
            Requester requester = unit.requester();
            unit.about(requester.account());
            boolean helpDesk = requester.isHelpDesk() && requester.account().isInGoodStanding();
            List<Waiting> sites = new ArrayList<>();
            if (requester.isManager() && requester.account().isInGoodStanding()) {
                ReviewRepository reviews = new ReviewRepository(unit.dsl());
                // The help desk sees the results of the last period's campaigns too, complete or not.
                java.util.Set<Long> campaigns = new java.util.TreeSet<>(reviews.openCampaigns());
                if (helpDesk) {
                    campaigns.addAll(reviews.campaignsSince(clock.instant()
                            .atOffset(ZoneOffset.UTC)
                            .minus(settings.every())
                            .toInstant()));
                }
                for (long campaignId : campaigns) {
                    Campaign campaign = reviews.campaign(campaignId).orElseThrow();
                    for (SiteProgress p : reviews.progress(ReviewRepository.inCampaign(campaignId))) {
                        if ((helpDesk || (!p.complete() && requester.reach().includes(p.organizationId())))) {
                            sites.add(new Waiting(
                                    campaign,
                                    unit.organizations()
                                            .findById(p.organizationId())
                                            .orElseThrow(),
                                    p));
                        }
                    }
                }
            }
            sites.sort(Comparator.comparing((Waiting w) -> w.progress().complete())
                    .thenComparing(w -> w.campaign().dueAt())
                    .thenComparing(w -> w.organization().code()));
            unit.done(sites.size() + " sites shown", Map.of());
            return new Overview(helpDesk, List.copyOf(sites));
        });
    }

    /** The site, if the requester may decide its review now: a manager in good standing who reaches it. */
    private Organization reviewable(UnitOfWork unit, long organizationId) {
        Organization org = unit.organizations()
                .findById(organizationId)
                .orElseThrow(() -> Refusal.notAllowed("This review is not known any more."));
        unit.about(org);
        policy.requireCanManageOrganization(unit.requester(), org, "review access");
        return org;
    }

    private ReviewRepository.ItemRow openItem(UnitOfWork unit, long campaignId, long accountId) {
        ReviewRepository reviews = new ReviewRepository(unit.dsl());
        var item = reviews.lockItem(campaignId, accountId)
                .orElseThrow(() -> Refusal.notAllowed("This person is not in that access review."));
        reviewable(unit, item.organizationId());
        requireKnown(reviews, campaignId);
        Account a = unit.accounts().findById(accountId).orElseThrow();
        unit.about(a);
        if (unit.requester().is(a)) {
            throw Refusal.notAllowed("Nobody confirms their own access: another administrator of the site, a Health"
                    + " System User of a parent organization or the MIIC help desk decides yours.");
        }
        if (item.decision() != null) {
            throw Refusal.alreadyDone();
        }
        if (!a.isActive()) {
            throw Refusal.wrongState(a.displayName() + " is " + a.status().label() + " already: nothing to decide.");
        }
        return item;
    }

    private static void requireKnown(ReviewRepository reviews, long campaignId) {
        reviews.campaign(campaignId).orElseThrow(() -> Refusal.notAllowed("This access review is not known."));
    }

    private static SiteReview page(UnitOfWork unit, long campaignId, Organization org, int page) {
        return page(unit.dsl(), campaignId, org, page);
    }

    /** A site's review as it is now (what a DM shows when it is delivered); empty when the site has no review. */
    public static Optional<SiteReview> current(DSLContext dsl, long campaignId, long organizationId) {
        return new OrganizationRepository(dsl)
                .findById(organizationId)
                .filter(org -> !new ReviewRepository(dsl)
                        .progress(ReviewRepository.ofSite(campaignId, organizationId))
                        .isEmpty())
                .map(org -> page(dsl, campaignId, org, 0));
    }

    private static SiteReview page(DSLContext dsl, long campaignId, Organization org, int page) {
        ReviewRepository reviews = new ReviewRepository(dsl);
        Campaign campaign =
                reviews.campaign(campaignId).orElseThrow(() -> Refusal.notAllowed("This access review is not known."));
        SiteProgress progress = reviews.progress(ReviewRepository.ofSite(campaignId, org.id())).stream()
                .findFirst()
                .orElseThrow(
                        () -> Refusal.notAllowed(org.displayName() + " is not in access review #" + campaignId + "."));
        int pages = Math.max(1, (progress.open() + PAGE_SIZE - 1) / PAGE_SIZE);
        int shown = Math.max(0, Math.min(page, pages - 1));
        List<Account> accounts = new ArrayList<>(new AccountRepository(dsl)
                .findAllById(reviews.openAccounts(campaignId, org.id(), shown * PAGE_SIZE, PAGE_SIZE)));
        accounts.sort(Comparator.comparing((Account a) -> a.name().last().toLowerCase(java.util.Locale.ROOT))
                .thenComparing(a -> a.name().first().toLowerCase(java.util.Locale.ROOT)));
        return new SiteReview(campaign, org, progress, List.copyOf(accounts), shown);
    }
}
