package mn.miic.helpdesk.identity;

import static mn.miic.helpdesk.db.jooq.Tables.ACCOUNT;
import static mn.miic.helpdesk.db.jooq.Tables.SLACK_LINK;

import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The links between Slack users and MIIC accounts (SPEC 4.5): one each way. */
public final class SlackLinks {

    private final DSLContext dsl;

    public SlackLinks(DSLContext dsl) {
        this.dsl = dsl;
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
                .where(DSL.lower(ACCOUNT.EMAIL).eq(email.trim().toLowerCase(java.util.Locale.ROOT)))
                .fetch(ACCOUNT.ID);
    }

    /** Links both ways at once; replaces whatever either side was linked to before. */
    public void link(String slackUserId, long accountId, Long linkedBy) {
        dsl.deleteFrom(SLACK_LINK)
                .where(SLACK_LINK.SLACK_USER_ID.eq(slackUserId).or(SLACK_LINK.ACCOUNT_ID.eq(accountId)))
                .execute();
        dsl.insertInto(SLACK_LINK)
                .set(SLACK_LINK.SLACK_USER_ID, slackUserId)
                .set(SLACK_LINK.ACCOUNT_ID, accountId)
                .set(SLACK_LINK.LINKED_BY, linkedBy)
                .execute();
    }
}
