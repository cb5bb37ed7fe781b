package mn.miic.helpdesk.accounts.store;

import static mn.miic.helpdesk.db.jooq.Tables.ACCOUNT;
import static org.jooq.impl.DSL.lower;

import java.util.List;
import mn.miic.helpdesk.accounts.access.Reach;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.AccountStatus;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Search across every organization a requester reaches (the help desk: all of MIIC): by last name, first name,
 * username or email, each typed word a prefix, or close to one of the names (pg_trgm similarity) for a misspelling.
 * Best matches first. The count stops at {@link #COUNT_LIMIT}: past it, "more than" is all a person needs.
 */
public final class AccountSearch {

    public static final int COUNT_LIMIT = 1_000;

    /** Words shorter than this match by prefix only: two letters say little about a misspelling. */
    static final int FUZZY_FROM = 3;

    private final DSLContext dsl;

    public AccountSearch(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** @param total how many matched, up to {@link #COUNT_LIMIT} + 1 (more than the limit) */
    public AccountPage everywhere(Reach reach, String text, StatusFilter filter, int page, int pageSize) {
        List<String> words = AccountRecords.words(text);
        Condition where = DSL.trueCondition();
        for (String word : words) {
            where = where.and(matches(word));
        }
        if (!reach.everything()) {
            where = where.and(AccountRepository.worksIn(reach.organizationIds()));
        }
        where = switch (filter) {
            case ALL -> where;
            case ACTIVE -> where.and(ACCOUNT.STATUS.eq(AccountStatus.ACTIVE.name()));
            case INACTIVE -> where.and(ACCOUNT.STATUS.ne(AccountStatus.ACTIVE.name()));
        };
        int total = dsl.fetchCount(dsl.selectOne().from(ACCOUNT).where(where).limit(COUNT_LIMIT + 1));
        String whole = String.join(" ", words);
        Field<Float> closeness = DSL.greatest(
                similarity(lower(ACCOUNT.LAST_NAME), whole),
                similarity(lower(ACCOUNT.FIRST_NAME), whole),
                similarity(lower(ACCOUNT.USERNAME), whole));
        List<Account> accounts = dsl.select(AccountRecords.columns())
                .from(ACCOUNT)
                .where(where)
                .orderBy(closeness.desc(), lower(ACCOUNT.LAST_NAME), lower(ACCOUNT.FIRST_NAME), ACCOUNT.ID)
                .limit(pageSize)
                .offset(page * pageSize)
                .fetch(AccountRecords::map);
        return new AccountPage(accounts, page, pageSize, total);
    }

    /** One typed word: a prefix of a name, the username or the email, or close to a name or the username. */
    private static Condition matches(String word) {
        Condition prefix = lower(ACCOUNT.LAST_NAME)
                .startsWith(word)
                .or(lower(ACCOUNT.FIRST_NAME).startsWith(word))
                .or(lower(ACCOUNT.USERNAME).startsWith(word))
                .or(lower(ACCOUNT.EMAIL).startsWith(word));
        // A misspelled name is what fuzzy matching is for; an email or a username is typed exactly, by its prefix.
        if (word.length() < FUZZY_FROM || !word.chars().allMatch(Character::isLetter)) {
            return prefix;
        }
        return prefix.or(similar(lower(ACCOUNT.LAST_NAME), word))
                .or(similar(lower(ACCOUNT.FIRST_NAME), word))
                .or(similar(lower(ACCOUNT.USERNAME), word));
    }

    /** pg_trgm's {@code %}: similarity above its threshold (0.3), served by the trigram indexes. */
    private static Condition similar(Field<String> column, String word) {
        return DSL.condition("{0} % {1}", column, DSL.val(word));
    }

    private static Field<Float> similarity(Field<String> column, String text) {
        return DSL.field("similarity({0}, {1})", Float.class, column, DSL.val(text));
    }
}
