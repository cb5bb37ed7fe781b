package mn.miic.helpdesk.requests;

import static mn.miic.helpdesk.db.jooq.Tables.ACCOUNT;
import static mn.miic.helpdesk.db.jooq.Tables.ACCOUNT_ORGANIZATION;
import static mn.miic.helpdesk.db.jooq.Tables.HELP_REQUEST;
import static mn.miic.helpdesk.db.jooq.Tables.HELP_REQUEST_MESSAGE;
import static mn.miic.helpdesk.db.jooq.Tables.SLACK_LINK;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.AccountStatus;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.accounts.store.AccountRepository;
import mn.miic.helpdesk.db.jooq.tables.records.HelpRequestRecord;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationRepository;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The SQL of requests, in one place. Every decision is an update guarded by the request still being open. */
public final class RequestRepository {

    /** A Slack message that shows a request: a DM to an approver, or the help-desk channel's post. */
    public record Message(long requestId, Audience audience, String slackUserId, String channel, String ts) {}

    public enum Audience {
        APPROVER,
        HELPDESK
    }

    private final DSLContext dsl;

    public RequestRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public HelpRequest insert(
            RequestKind kind, long accountId, String requesterSlackId, String note, Instant at, Instant escalateAt) {
        return map(dsl.insertInto(HELP_REQUEST)
                .set(HELP_REQUEST.KIND, kind.name())
                .set(HELP_REQUEST.ACCOUNT_ID, accountId)
                .set(HELP_REQUEST.REQUESTER_SLACK_ID, requesterSlackId)
                .set(HELP_REQUEST.NOTE, note)
                .set(HELP_REQUEST.STATUS, RequestStatus.OPEN.name())
                .set(HELP_REQUEST.ASKED_AT, utc(at))
                .set(HELP_REQUEST.ESCALATE_AT, utc(escalateAt))
                .returning()
                .fetchSingle());
    }

    public Optional<HelpRequest> findById(long id) {
        return dsl.selectFrom(HELP_REQUEST).where(HELP_REQUEST.ID.eq(id)).fetchOptional(RequestRepository::map);
    }

    public int countAskedSince(long accountId, Instant since) {
        return dsl.fetchCount(
                HELP_REQUEST, HELP_REQUEST.ACCOUNT_ID.eq(accountId).and(HELP_REQUEST.ASKED_AT.ge(utc(since))));
    }

    public Optional<HelpRequest> openOf(long accountId, RequestKind kind) {
        return dsl.selectFrom(HELP_REQUEST)
                .where(HELP_REQUEST.ACCOUNT_ID.eq(accountId))
                .and(HELP_REQUEST.KIND.eq(kind.name()))
                .and(HELP_REQUEST.STATUS.eq(RequestStatus.OPEN.name()))
                .fetchOptional(RequestRepository::map);
    }

    /** Open requests about these accounts (or all, when {@code accountIds} is null), oldest first. */
    public List<HelpRequest> open(Collection<Long> accountIds, int limit) {
        Condition about = accountIds == null ? DSL.trueCondition() : HELP_REQUEST.ACCOUNT_ID.in(accountIds);
        return dsl.selectFrom(HELP_REQUEST)
                .where(HELP_REQUEST.STATUS.eq(RequestStatus.OPEN.name()))
                .and(about)
                .orderBy(HELP_REQUEST.ASKED_AT, HELP_REQUEST.ID)
                .limit(limit)
                .fetch(RequestRepository::map);
    }

    /** Open requests in these organizations, oldest first. */
    public List<HelpRequest> openInOrganizations(Collection<Long> organizationIds, int limit) {
        return dsl.select(HELP_REQUEST.fields())
                .from(HELP_REQUEST)
                .join(ACCOUNT)
                .on(ACCOUNT.ID.eq(HELP_REQUEST.ACCOUNT_ID))
                .where(HELP_REQUEST.STATUS.eq(RequestStatus.OPEN.name()))
                .and(ACCOUNT.ORGANIZATION_ID.in(organizationIds))
                .orderBy(HELP_REQUEST.ASKED_AT, HELP_REQUEST.ID)
                .limit(limit)
                .fetch(r -> map(r.into(HELP_REQUEST)));
    }

    /**
     * The first decision wins: sets the outcome only if the request is still open.
     *
     * @return false when someone else decided first
     */
    public boolean decide(long id, RequestStatus outcome, Long by, Instant at, String note) {
        return dsl.update(HELP_REQUEST)
                        .set(HELP_REQUEST.STATUS, outcome.name())
                        .set(HELP_REQUEST.DECIDED_BY, by)
                        .set(HELP_REQUEST.DECIDED_AT, utc(at))
                        .set(HELP_REQUEST.DECISION_NOTE, note)
                        .where(HELP_REQUEST.ID.eq(id))
                        .and(HELP_REQUEST.STATUS.eq(RequestStatus.OPEN.name()))
                        .execute()
                == 1;
    }

    /** @return false when it is decided, or someone claimed it first */
    public boolean claim(long id, long by, Instant at) {
        return dsl.update(HELP_REQUEST)
                        .set(HELP_REQUEST.CLAIMED_BY, by)
                        .set(HELP_REQUEST.CLAIMED_AT, utc(at))
                        .where(HELP_REQUEST.ID.eq(id))
                        .and(HELP_REQUEST.STATUS.eq(RequestStatus.OPEN.name()))
                        .and(HELP_REQUEST.CLAIMED_BY.isNull())
                        .execute()
                == 1;
    }

    /**
     * The oldest open request due for the help desk and not yet posted there, locked for this transaction; other
     * instances skip it rather than wait, so each is escalated once.
     */
    public Optional<HelpRequest> lockNextDueForEscalation(Instant now) {
        return dsl.selectFrom(HELP_REQUEST)
                .where(HELP_REQUEST.STATUS.eq(RequestStatus.OPEN.name()))
                .and(HELP_REQUEST.ESCALATED_AT.isNull())
                .and(HELP_REQUEST.ESCALATE_AT.le(utc(now)))
                .orderBy(HELP_REQUEST.ESCALATE_AT, HELP_REQUEST.ID)
                .limit(1)
                .forUpdate()
                .skipLocked()
                .fetchOptional(RequestRepository::map);
    }

    public void escalateAt(long id, Instant at) {
        dsl.update(HELP_REQUEST)
                .set(HELP_REQUEST.ESCALATE_AT, utc(at))
                .where(HELP_REQUEST.ID.eq(id))
                .and(HELP_REQUEST.ESCALATED_AT.isNull())
                .execute();
    }

    public void markEscalated(long id, Instant at) {
        dsl.update(HELP_REQUEST)
                .set(HELP_REQUEST.ESCALATED_AT, utc(at))
                .where(HELP_REQUEST.ID.eq(id))
                .execute();
    }

    /** An open request asked before {@code before}, locked for this transaction, skipped by other instances. */
    public Optional<HelpRequest> lockNextToExpire(Instant before) {
        return dsl.selectFrom(HELP_REQUEST)
                .where(HELP_REQUEST.STATUS.eq(RequestStatus.OPEN.name()))
                .and(HELP_REQUEST.ASKED_AT.lt(utc(before)))
                .orderBy(HELP_REQUEST.ASKED_AT, HELP_REQUEST.ID)
                .limit(1)
                .forUpdate()
                .skipLocked()
                .fetchOptional(RequestRepository::map);
    }

    public void addMessage(Message m) {
        dsl.insertInto(HELP_REQUEST_MESSAGE)
                .set(HELP_REQUEST_MESSAGE.REQUEST_ID, m.requestId())
                .set(HELP_REQUEST_MESSAGE.AUDIENCE, m.audience().name())
                .set(HELP_REQUEST_MESSAGE.SLACK_USER_ID, m.slackUserId())
                .set(HELP_REQUEST_MESSAGE.CHANNEL, m.channel())
                .set(HELP_REQUEST_MESSAGE.TS, m.ts())
                .onConflictDoNothing()
                .execute();
    }

    public List<Message> messages(long requestId) {
        return dsl.selectFrom(HELP_REQUEST_MESSAGE)
                .where(HELP_REQUEST_MESSAGE.REQUEST_ID.eq(requestId))
                .orderBy(HELP_REQUEST_MESSAGE.AUDIENCE, HELP_REQUEST_MESSAGE.CHANNEL)
                .fetch(r -> new Message(
                        r.getRequestId(),
                        Audience.valueOf(r.getAudience()),
                        r.getSlackUserId(),
                        r.getChannel(),
                        r.getTs()));
    }

    /**
     * Who a request about an account goes to: the active, unlocked, linked managers of its organization (homed there
     * or also working there), then the Health System Users of its parent organizations. Never the requester.
     *
     * @param exceptAccountId the requester's account, or -1 when there is none
     */
    public List<Approver> approvers(long exceptAccountId, Organization organization) {
        return managers(exceptAccountId, organization, true);
    }

    /** The same managers, linked to Slack or not: those the bot looks for in Slack before it routes a request. */
    public List<Long> approverCandidates(long exceptAccountId, Organization organization) {
        return managers(exceptAccountId, organization, false).stream()
                .map(Approver::accountId)
                .toList();
    }

    /**
     * {@link #approverCandidates} for many organizations at once, in a few statements whatever their number: the
     * sweep's batch of a thousand expiries across several locations. Each organization's own managers first, then
     * the Health System Users of its parents, nearest parent first.
     */
    public Map<Long, List<Long>> approverCandidatesOf(Collection<Organization> organizations) {
        List<Long> ids = organizations.stream().map(Organization::id).toList();
        Map<Long, List<Long>> ancestors = new OrganizationRepository(dsl).ancestorIdsOf(organizations);
        Map<Long, List<Long>> managers = activeAt(ACCOUNT.ROLE.in(AccountRepository.managerRoles()), ids);
        Map<Long, List<Long>> healthSystemUsers = activeAt(
                ACCOUNT.ROLE.eq(Role.HEALTH_SYSTEM_USER.name()),
                ancestors.values().stream().flatMap(List::stream).distinct().toList());
        Map<Long, List<Long>> found = new LinkedHashMap<>();
        for (long id : ids) {
            java.util.LinkedHashSet<Long> each = new java.util.LinkedHashSet<>(managers.getOrDefault(id, List.of()));
            for (long parent : ancestors.getOrDefault(id, List.of())) {
                each.addAll(healthSystemUsers.getOrDefault(parent, List.of()));
            }
            found.put(id, List.copyOf(each));
        }
        return found;
    }

    /** Active, unlocked accounts of a role homed in or also working at each organization, by name. */
    private Map<Long, List<Long>> activeAt(Condition role, Collection<Long> organizationIds) {
        if (organizationIds.isEmpty()) {
            return Map.of();
        }
        var org = DSL.field("org", Long.class);
        Condition usable =
                role.and(ACCOUNT.STATUS.eq(AccountStatus.ACTIVE.name())).and(ACCOUNT.LOCKED.isFalse());
        var home = DSL.select(ACCOUNT.ID, ACCOUNT.ORGANIZATION_ID.as(org), ACCOUNT.LAST_NAME, ACCOUNT.FIRST_NAME)
                .from(ACCOUNT)
                .where(usable)
                .and(ACCOUNT.ORGANIZATION_ID.in(organizationIds));
        var also = DSL.select(
                        ACCOUNT.ID, ACCOUNT_ORGANIZATION.ORGANIZATION_ID.as(org), ACCOUNT.LAST_NAME, ACCOUNT.FIRST_NAME)
                .from(ACCOUNT)
                .join(ACCOUNT_ORGANIZATION)
                .on(ACCOUNT_ORGANIZATION.ACCOUNT_ID.eq(ACCOUNT.ID))
                .where(usable)
                .and(ACCOUNT_ORGANIZATION.ORGANIZATION_ID.in(organizationIds));
        Map<Long, List<Long>> found = new LinkedHashMap<>();
        var all = home.unionAll(also).asTable("m");
        dsl.select(all.field(ACCOUNT.ID), all.field(org))
                .from(all)
                .orderBy(all.field(ACCOUNT.LAST_NAME), all.field(ACCOUNT.FIRST_NAME), all.field(ACCOUNT.ID))
                .forEach(r -> found.computeIfAbsent(r.value2(), k -> new java.util.ArrayList<>())
                        .add(r.value1()));
        return found;
    }

    private List<Approver> managers(long exceptAccountId, Organization organization, boolean linkedOnly) {
        Map<Long, Approver> found = new LinkedHashMap<>();
        approversWhere(
                        ACCOUNT.ROLE
                                .in(AccountRepository.managerRoles())
                                .and(AccountRepository.worksIn(List.of(organization.id()))),
                        exceptAccountId,
                        false,
                        linkedOnly)
                .forEach(a -> found.putIfAbsent(a.accountId(), a));
        List<Long> parents = new OrganizationRepository(dsl).ancestorIdsOf(organization);
        if (!parents.isEmpty()) {
            approversWhere(
                            ACCOUNT.ROLE.eq(Role.HEALTH_SYSTEM_USER.name()).and(AccountRepository.worksIn(parents)),
                            exceptAccountId,
                            true,
                            linkedOnly)
                    .forEach(a -> found.putIfAbsent(a.accountId(), a));
        }
        return List.copyOf(found.values());
    }

    private List<Approver> approversWhere(
            Condition who, long exceptAccountId, boolean healthSystem, boolean linkedOnly) {
        return dsl.select(ACCOUNT.ID, SLACK_LINK.SLACK_USER_ID, ACCOUNT.FIRST_NAME, ACCOUNT.LAST_NAME)
                .from(ACCOUNT)
                .leftJoin(SLACK_LINK)
                .on(SLACK_LINK.ACCOUNT_ID.eq(ACCOUNT.ID))
                .where(who)
                .and(linkedOnly ? SLACK_LINK.SLACK_USER_ID.isNotNull() : DSL.trueCondition())
                .and(ACCOUNT.STATUS.eq(AccountStatus.ACTIVE.name()))
                .and(ACCOUNT.LOCKED.isFalse())
                .and(ACCOUNT.ID.ne(exceptAccountId))
                .orderBy(ACCOUNT.LAST_NAME, ACCOUNT.FIRST_NAME, ACCOUNT.ID)
                .fetch(r -> new Approver(
                        r.get(ACCOUNT.ID),
                        r.get(SLACK_LINK.SLACK_USER_ID),
                        r.get(ACCOUNT.FIRST_NAME) + " " + r.get(ACCOUNT.LAST_NAME),
                        healthSystem));
    }

    /** Locked accounts homed in an organization, by name. */
    public List<Account> lockedIn(long organizationId, int limit) {
        return accountsWhere(ACCOUNT.ORGANIZATION_ID.eq(organizationId).and(ACCOUNT.LOCKED.isTrue()), limit);
    }

    /**
     * Active accounts of an organization whose last sign-in (or reactivation, or creation) falls between the two
     * instants: those the inactivity sweep will expire soon.
     */
    public List<Account> expiringIn(long organizationId, Instant lastUseAfter, Instant lastUseBefore, int limit) {
        var lastUse = AccountRepository.LAST_USE;
        return accountsWhere(
                ACCOUNT.ORGANIZATION_ID
                        .eq(organizationId)
                        .and(ACCOUNT.STATUS.eq(AccountStatus.ACTIVE.name()))
                        .and(lastUse.gt(utc(lastUseAfter)))
                        .and(lastUse.le(utc(lastUseBefore))),
                limit);
    }

    private List<Account> accountsWhere(Condition condition, int limit) {
        return new AccountRepository(dsl).findWhere(condition, limit);
    }

    private static HelpRequest map(HelpRequestRecord r) {
        return new HelpRequest(
                r.getId(),
                RequestKind.valueOf(r.getKind()),
                r.getAccountId(),
                r.getRequesterSlackId(),
                r.getNote(),
                RequestStatus.valueOf(r.getStatus()),
                instant(r.getAskedAt()),
                instant(r.getEscalateAt()),
                instant(r.getEscalatedAt()),
                r.getClaimedBy(),
                instant(r.getClaimedAt()),
                r.getDecidedBy(),
                instant(r.getDecidedAt()),
                r.getDecisionNote());
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }
}
