package mn.miic.helpdesk.identity;

import static mn.miic.helpdesk.db.jooq.Tables.ACCOUNT;
import static mn.miic.helpdesk.db.jooq.Tables.ACCOUNT_OFFBOARDING;
import static mn.miic.helpdesk.db.jooq.Tables.SLACK_LINK;

import java.util.List;
import java.util.Optional;
import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.accounts.domain.Emails;
import mn.miic.helpdesk.db.Now;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The links between Slack users and MIIC accounts (SPEC 4.5): one each way. */
public final class SlackLinks {

    private final DSLContext dsl;

    public SlackLinks(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * One link as it was made.
     *
     * @param email the profile email it was made from, lowercased, or null when none was known
     */
    public record Link(String slackUserId, long accountId, String email, Long linkedBy) {}

    public Optional<Link> ofSlackUser(String slackUserId) {
        return dsl.selectFrom(SLACK_LINK)
                .where(SLACK_LINK.SLACK_USER_ID.eq(slackUserId))
                .fetchOptional(SlackLinks::map);
    }

    public Optional<Link> ofAccount(long accountId) {
        return dsl.selectFrom(SLACK_LINK)
                .where(SLACK_LINK.ACCOUNT_ID.eq(accountId))
                .fetchOptional(SlackLinks::map);
    }

    private static Link map(mn.miic.helpdesk.db.jooq.tables.records.SlackLinkRecord r) {
        return new Link(r.getSlackUserId(), r.getAccountId(), r.getEmail(), r.getLinkedBy());
    }

    /** Drops this very link (not one made since in its place); true when it was there. */
    public boolean drop(Link link) {
        return dsl.deleteFrom(SLACK_LINK)
                        .where(SLACK_LINK.SLACK_USER_ID.eq(link.slackUserId()))
                        .and(SLACK_LINK.ACCOUNT_ID.eq(link.accountId()))
                        .execute()
                == 1;
    }

    /** Drops whatever link the account has; its former Slack user, if it had one. */
    public Optional<String> dropOfAccount(long accountId) {
        return dsl.deleteFrom(SLACK_LINK)
                .where(SLACK_LINK.ACCOUNT_ID.eq(accountId))
                .returning(SLACK_LINK.SLACK_USER_ID)
                .fetchOptional(SLACK_LINK.SLACK_USER_ID);
    }

    public Optional<Long> accountOf(String slackUserId) {
        return dsl.select(SLACK_LINK.ACCOUNT_ID)
                .from(SLACK_LINK)
                .where(SLACK_LINK.SLACK_USER_ID.eq(slackUserId))
                .fetchOptional(SLACK_LINK.ACCOUNT_ID);
    }

    public Optional<String> slackUserOf(long accountId) {
        return dsl.select(SLACK_LINK.SLACK_USER_ID)
                .from(SLACK_LINK)
                .where(SLACK_LINK.ACCOUNT_ID.eq(accountId))
                .fetchOptional(SLACK_LINK.SLACK_USER_ID);
    }

    /** The accounts whose email is this one, ignoring case: the match must be exactly one to link. */
    public List<Long> accountsWithEmail(String email) {
        return dsl.select(ACCOUNT.ID)
                .from(ACCOUNT)
                .where(DSL.lower(ACCOUNT.EMAIL).eq(Emails.normalized(email).orElse("")))
                .fetch(ACCOUNT.ID);
    }

    /** Its person left the site (offboarded): the bot does not link it to a Slack user by its email again. */
    public boolean offboarded(long accountId) {
        return dsl.fetchExists(ACCOUNT_OFFBOARDING, ACCOUNT_OFFBOARDING.ACCOUNT_ID.eq(accountId));
    }

    /**
     * Links both ways at once, replacing whatever either side was linked to before. Safe when the same link is asked
     * twice at the same instant (a double Enter, or Slack's retry racing the original): one link results.
     *
     * @return true when this call made the link, false when it was there already
     */
    public boolean link(String slackUserId, long accountId, Long linkedBy) {
        return link(slackUserId, accountId, linkedBy, null);
    }

    /** @param email the profile email the link is made from (it stays true while that email does), or null */
    public boolean link(String slackUserId, long accountId, Long linkedBy, String email) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            tx.deleteFrom(SLACK_LINK)
                    .where(SLACK_LINK.SLACK_USER_ID.eq(slackUserId).and(SLACK_LINK.ACCOUNT_ID.ne(accountId)))
                    .or(SLACK_LINK.ACCOUNT_ID.eq(accountId).and(SLACK_LINK.SLACK_USER_ID.ne(slackUserId)))
                    .execute();
            int inserted = tx.insertInto(SLACK_LINK)
                    .set(SLACK_LINK.SLACK_USER_ID, slackUserId)
                    .set(SLACK_LINK.ACCOUNT_ID, accountId)
                    .set(SLACK_LINK.LINKED_AT, Now.of(tx))
                    .set(SLACK_LINK.LINKED_BY, linkedBy)
                    .set(SLACK_LINK.EMAIL, Emails.normalized(email).orElse(null))
                    .onConflictDoNothing()
                    .execute();
            if (inserted == 0 && !accountOf(tx, slackUserId).equals(Optional.of(accountId))) {
                // Someone linked either side otherwise at this very moment; theirs stands.
                throw Refusal.changedBySomeoneElse();
            }
            return inserted == 1;
        });
    }

    private static Optional<Long> accountOf(DSLContext tx, String slackUserId) {
        return tx.select(SLACK_LINK.ACCOUNT_ID)
                .from(SLACK_LINK)
                .where(SLACK_LINK.SLACK_USER_ID.eq(slackUserId))
                .fetchOptional(SLACK_LINK.ACCOUNT_ID);
    }
}
