package mn.miic.helpdesk.accounts.store;

import static mn.miic.helpdesk.db.jooq.Tables.ACCOUNT;
import static mn.miic.helpdesk.db.jooq.Tables.ACCOUNT_OFFBOARDING;
import static mn.miic.helpdesk.db.jooq.Tables.SLACK_LINK;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import mn.miic.helpdesk.accounts.domain.AccountStatus;
import mn.miic.helpdesk.db.Now;
import org.jooq.DSLContext;

/** Who left their site, when and by whose hand; and who to tell (the SQL of offboarding, in one place). */
public final class OffboardingRepository {

    /** An account's offboarding: when, by whom (null for the bot), and which of its organizations it lost. */
    public record Offboarding(long accountId, Instant at, Long byAccountId, String removedOrganizations) {}

    private final DSLContext dsl;

    public OffboardingRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void record(long accountId, Long byAccountId, String removedOrganizations) {
        dsl.insertInto(ACCOUNT_OFFBOARDING)
                .set(ACCOUNT_OFFBOARDING.ACCOUNT_ID, accountId)
                .set(ACCOUNT_OFFBOARDING.OFFBOARDED_AT, Now.of(dsl))
                .set(ACCOUNT_OFFBOARDING.OFFBOARDED_BY, byAccountId)
                .set(ACCOUNT_OFFBOARDING.REMOVED_ORGANIZATIONS, removedOrganizations)
                .onConflict(ACCOUNT_OFFBOARDING.ACCOUNT_ID)
                .doUpdate()
                .set(ACCOUNT_OFFBOARDING.OFFBOARDED_AT, Now.of(dsl))
                .set(ACCOUNT_OFFBOARDING.OFFBOARDED_BY, byAccountId)
                .set(ACCOUNT_OFFBOARDING.REMOVED_ORGANIZATIONS, removedOrganizations)
                .execute();
    }

    public Optional<Offboarding> find(long accountId) {
        return dsl.selectFrom(ACCOUNT_OFFBOARDING)
                .where(ACCOUNT_OFFBOARDING.ACCOUNT_ID.eq(accountId))
                .fetchOptional(r -> new Offboarding(
                        r.getAccountId(),
                        r.getOffboardedAt().toInstant(),
                        r.getOffboardedBy(),
                        r.getRemovedOrganizations()));
    }

    /** Drops whatever Slack link the account has; its former Slack user, if it had one. */
    public Optional<String> dropSlackLink(long accountId) {
        return dsl.deleteFrom(SLACK_LINK)
                .where(SLACK_LINK.ACCOUNT_ID.eq(accountId))
                .returning(SLACK_LINK.SLACK_USER_ID)
                .fetchOptional(SLACK_LINK.SLACK_USER_ID);
    }

    /** The account is back (reactivated): it may be found in Slack by its email again. */
    public void forget(long accountId) {
        dsl.deleteFrom(ACCOUNT_OFFBOARDING)
                .where(ACCOUNT_OFFBOARDING.ACCOUNT_ID.eq(accountId))
                .execute();
    }

    /**
     * The active user-managing administrators working in any of these organizations (their home, or one they float
     * to), but for one account: who hears that someone left.
     */
    public List<Long> managersIn(Collection<Long> organizationIds, long exceptAccountId) {
        return dsl.select(ACCOUNT.ID)
                .from(ACCOUNT)
                .where(ACCOUNT.ROLE.in(AccountRepository.managerRoles()))
                .and(ACCOUNT.STATUS.eq(AccountStatus.ACTIVE.name()))
                .and(ACCOUNT.ID.ne(exceptAccountId))
                .and(AccountRepository.worksIn(organizationIds))
                .orderBy(ACCOUNT.ID)
                .fetch(ACCOUNT.ID);
    }
}
