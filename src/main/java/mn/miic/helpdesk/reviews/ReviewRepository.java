package mn.miic.helpdesk.reviews;

import static mn.miic.helpdesk.db.jooq.Tables.ACCOUNT;
import static mn.miic.helpdesk.db.jooq.Tables.REVIEW_CAMPAIGN;
import static mn.miic.helpdesk.db.jooq.Tables.REVIEW_ITEM;
import static mn.miic.helpdesk.db.jooq.Tables.REVIEW_SCHEDULE;
import static mn.miic.helpdesk.db.jooq.Tables.REVIEW_SITE;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import mn.miic.helpdesk.accounts.domain.AccountStatus;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.accounts.store.AccountRepository;
import mn.miic.helpdesk.db.Now;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.TableField;
import org.jooq.impl.DSL;

/** The SQL of access reviews: campaigns, their sites and the users to confirm, decisions and escalations. */
public final class ReviewRepository {

    /** A campaign: when it started, who started it (null: the schedule), when it is due, and whether MIIC-wide. */
    public record Campaign(long id, Instant startedAt, Long startedBy, Instant dueAt, boolean everywhere) {}

    /** One site's progress in a campaign: users still to confirm (active and undecided), kept, inactivated. */
    public record SiteProgress(long campaignId, long organizationId, int open, int kept, int inactivated, int gone) {

        public int total() {
            return open + kept + inactivated + gone;
        }

        public boolean complete() {
            return open == 0;
        }
    }

    public enum Decision {
        KEEP,
        INACTIVATE
    }

    private final DSLContext dsl;

    public ReviewRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public long createCampaign(Long startedBy, Instant dueAt, boolean everywhere) {
        return dsl.insertInto(REVIEW_CAMPAIGN)
                .set(REVIEW_CAMPAIGN.STARTED_AT, Now.of(dsl))
                .set(REVIEW_CAMPAIGN.STARTED_BY, startedBy)
                .set(REVIEW_CAMPAIGN.DUE_AT, utc(dueAt))
                .set(REVIEW_CAMPAIGN.EVERYWHERE, everywhere)
                .returning(REVIEW_CAMPAIGN.ID)
                .fetchOne(REVIEW_CAMPAIGN.ID);
    }

    /** The site and its active home accounts as they are now; returns how many users it has to confirm (0: none added). */
    public int addSite(long campaignId, long organizationId) {
        var users = dsl.select(ACCOUNT.ID)
                .from(ACCOUNT)
                .where(ACCOUNT.ORGANIZATION_ID.eq(organizationId))
                .and(ACCOUNT.STATUS.eq(AccountStatus.ACTIVE.name()))
                .fetch(ACCOUNT.ID);
        if (users.isEmpty()) {
            return 0;
        }
        dsl.insertInto(REVIEW_SITE)
                .set(REVIEW_SITE.CAMPAIGN_ID, campaignId)
                .set(REVIEW_SITE.ORGANIZATION_ID, organizationId)
                .execute();
        var insert = dsl.insertInto(
                REVIEW_ITEM, REVIEW_ITEM.CAMPAIGN_ID, REVIEW_ITEM.ORGANIZATION_ID, REVIEW_ITEM.ACCOUNT_ID);
        for (long id : users) {
            insert = insert.values(campaignId, organizationId, id);
        }
        insert.execute();
        return users.size();
    }

    public Optional<Campaign> campaign(long id) {
        return dsl.selectFrom(REVIEW_CAMPAIGN)
                .where(REVIEW_CAMPAIGN.ID.eq(id))
                .fetchOptional(r -> new Campaign(
                        r.getId(),
                        r.getStartedAt().toInstant(),
                        r.getStartedBy(),
                        r.getDueAt().toInstant(),
                        r.getEverywhere()));
    }

    /** The start of the last MIIC-wide campaign, or empty. */
    public Optional<Instant> lastEverywhereStart() {
        return Optional.ofNullable(dsl.select(DSL.max(REVIEW_CAMPAIGN.STARTED_AT))
                        .from(REVIEW_CAMPAIGN)
                        .where(REVIEW_CAMPAIGN.EVERYWHERE.isTrue())
                        .fetchOne(0, OffsetDateTime.class))
                .map(OffsetDateTime::toInstant);
    }

    /**
     * When the schedule started, recording now the first time; the caller holds the schedule's lock (the row of
     * {@code review_schedule}), so a second instance waits and then reads the first one's.
     */
    public Instant scheduleSince() {
        dsl.insertInto(REVIEW_SCHEDULE)
                .set(REVIEW_SCHEDULE.ID, 1)
                .set(REVIEW_SCHEDULE.SINCE, Now.of(dsl))
                .onConflictDoNothing()
                .execute();
        return dsl.select(REVIEW_SCHEDULE.SINCE)
                .from(REVIEW_SCHEDULE)
                .where(REVIEW_SCHEDULE.ID.eq(1))
                .forUpdate()
                .fetchOne(REVIEW_SCHEDULE.SINCE)
                .toInstant();
    }

    /** Progress of every site of open campaigns (any undecided active user), or of the given sites. */
    public List<SiteProgress> progress(Condition which) {
        Field<Integer> open = count(REVIEW_ITEM.DECISION.isNull().and(ACCOUNT.STATUS.eq(AccountStatus.ACTIVE.name())));
        Field<Integer> kept = count(REVIEW_ITEM.DECISION.eq(Decision.KEEP.name()));
        Field<Integer> inactivated = count(REVIEW_ITEM.DECISION.eq(Decision.INACTIVATE.name()));
        Field<Integer> gone = count(REVIEW_ITEM.DECISION.isNull().and(ACCOUNT.STATUS.ne(AccountStatus.ACTIVE.name())));
        return dsl.select(REVIEW_ITEM.CAMPAIGN_ID, REVIEW_ITEM.ORGANIZATION_ID, open, kept, inactivated, gone)
                .from(REVIEW_ITEM)
                .join(ACCOUNT)
                .on(ACCOUNT.ID.eq(REVIEW_ITEM.ACCOUNT_ID))
                .where(which)
                .groupBy(REVIEW_ITEM.CAMPAIGN_ID, REVIEW_ITEM.ORGANIZATION_ID)
                .orderBy(REVIEW_ITEM.CAMPAIGN_ID, REVIEW_ITEM.ORGANIZATION_ID)
                .fetch(r -> new SiteProgress(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    public static Condition inCampaign(long campaignId) {
        return REVIEW_ITEM.CAMPAIGN_ID.eq(campaignId);
    }

    public static Condition ofSite(long campaignId, long organizationId) {
        return REVIEW_ITEM.CAMPAIGN_ID.eq(campaignId).and(REVIEW_ITEM.ORGANIZATION_ID.eq(organizationId));
    }

    /** The ids of the campaigns with any user still to confirm. */
    public List<Long> openCampaigns() {
        return dsl.selectDistinct(REVIEW_ITEM.CAMPAIGN_ID)
                .from(REVIEW_ITEM)
                .join(ACCOUNT)
                .on(ACCOUNT.ID.eq(REVIEW_ITEM.ACCOUNT_ID))
                .where(REVIEW_ITEM.DECISION.isNull())
                .and(ACCOUNT.STATUS.eq(AccountStatus.ACTIVE.name()))
                .orderBy(REVIEW_ITEM.CAMPAIGN_ID)
                .fetch(REVIEW_ITEM.CAMPAIGN_ID);
    }

    /** The ids of the campaigns started at or after this instant, oldest first. */
    public List<Long> campaignsSince(Instant since) {
        return dsl.select(REVIEW_CAMPAIGN.ID)
                .from(REVIEW_CAMPAIGN)
                .where(REVIEW_CAMPAIGN.STARTED_AT.ge(utc(since)))
                .orderBy(REVIEW_CAMPAIGN.ID)
                .fetch(REVIEW_CAMPAIGN.ID);
    }

    /** The users of a site still to confirm, by name, a page at a time. */
    public List<Long> openAccounts(long campaignId, long organizationId, int offset, int limit) {
        return dsl.select(REVIEW_ITEM.ACCOUNT_ID)
                .from(REVIEW_ITEM)
                .join(ACCOUNT)
                .on(ACCOUNT.ID.eq(REVIEW_ITEM.ACCOUNT_ID))
                .where(ofSite(campaignId, organizationId))
                .and(REVIEW_ITEM.DECISION.isNull())
                .and(ACCOUNT.STATUS.eq(AccountStatus.ACTIVE.name()))
                .orderBy(DSL.lower(ACCOUNT.LAST_NAME), DSL.lower(ACCOUNT.FIRST_NAME), ACCOUNT.ID)
                .offset(offset)
                .limit(limit)
                .fetch(REVIEW_ITEM.ACCOUNT_ID);
    }

    /** The item of one user in a campaign, its row locked for the decision. */
    public Optional<ItemRow> lockItem(long campaignId, long accountId) {
        return dsl.select(REVIEW_ITEM.ORGANIZATION_ID, REVIEW_ITEM.DECISION)
                .from(REVIEW_ITEM)
                .where(REVIEW_ITEM.CAMPAIGN_ID.eq(campaignId))
                .and(REVIEW_ITEM.ACCOUNT_ID.eq(accountId))
                .forUpdate()
                .fetchOptional(r -> new ItemRow(
                        campaignId, r.value1(), accountId, r.value2() == null ? null : Decision.valueOf(r.value2())));
    }

    public record ItemRow(long campaignId, long organizationId, long accountId, Decision decision) {}

    public void decide(long campaignId, long accountId, Decision decision, long by) {
        dsl.update(REVIEW_ITEM)
                .set(REVIEW_ITEM.DECISION, decision.name())
                .set(REVIEW_ITEM.DECIDED_AT, Now.of(dsl))
                .set(REVIEW_ITEM.DECIDED_BY, by)
                .where(REVIEW_ITEM.CAMPAIGN_ID.eq(campaignId))
                .and(REVIEW_ITEM.ACCOUNT_ID.eq(accountId))
                .execute();
    }

    /**
     * Claims one escalation of a site (reminder, escalation, help desk): true for the first caller only. The row is
     * updated where the mark is still empty, so two instances never both claim it.
     */
    public boolean claim(long campaignId, long organizationId, TableField<?, OffsetDateTime> mark) {
        return dsl.update(REVIEW_SITE)
                        .set(mark, Now.of(dsl))
                        .where(REVIEW_SITE.CAMPAIGN_ID.eq(campaignId))
                        .and(REVIEW_SITE.ORGANIZATION_ID.eq(organizationId))
                        .and(mark.isNull())
                        .execute()
                == 1;
    }

    /** The active Health System Users working in any of these organizations (a site's parents). */
    public List<Long> healthSystemUsersIn(Collection<Long> organizationIds) {
        if (organizationIds.isEmpty()) {
            return List.of();
        }
        return dsl.select(ACCOUNT.ID)
                .from(ACCOUNT)
                .where(ACCOUNT.ROLE.eq(Role.HEALTH_SYSTEM_USER.name()))
                .and(ACCOUNT.STATUS.eq(AccountStatus.ACTIVE.name()))
                .and(AccountRepository.worksIn(organizationIds))
                .orderBy(ACCOUNT.ID)
                .fetch(ACCOUNT.ID);
    }

    private static Field<Integer> count(Condition when) {
        return DSL.count().filterWhere(when);
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
