package mn.miic.helpdesk.accounts.store;

import static mn.miic.helpdesk.db.jooq.Tables.ACCOUNT;
import static mn.miic.helpdesk.db.jooq.Tables.SEARCH_NAME;
import static org.jooq.impl.DSL.lower;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mn.miic.helpdesk.accounts.access.Reach;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.AccountStatus;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record3;
import org.jooq.Record4;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Search across every organization a requester reaches (the help desk: all of MIIC): by last name, first name,
 * username or email, each typed word a prefix of one of them, or a misspelling of a name (pg_trgm similarity, looked
 * up in the dictionary of names in use, {@code search_name}). Results in the order of a list of people: last name,
 * first name. The count stops at {@link #COUNT_LIMIT}: past it, "more than" is all a person needs.
 *
 * <p>Fast at a million accounts because nothing is ranked that need not be: up to the limit, the matches are few and
 * sorted here; past it, each name the driving word covers is read from an index already in the order shown, a page
 * deep.
 */
public final class AccountSearch {

    public static final int COUNT_LIMIT = 1_000;

    /** Words shorter than this match by prefix only: two letters say little about a misspelling. */
    static final int FUZZY_FROM = 3;

    /** The misspelled names a word may stand for, closest first: a typo has a handful of plausible readings. */
    static final int SIMILAR_NAMES = 10;

    /**
     * Past the count limit, the first names a prefix covers that are read (alphabetically): a first name's people
     * are spread over the whole list, so each is read. Beyond this many, the pages draw on the first ones only.
     */
    static final int FIRST_NAMES = 100;

    // The expressions of the account_search_* indexes (V19), exactly: the "C" collation lets one index serve a
    // prefix (LIKE) and the order.
    private static final Field<String> LAST = lower(ACCOUNT.LAST_NAME).collate("C");
    private static final Field<String> FIRST = lower(ACCOUNT.FIRST_NAME).collate("C");
    private static final Field<String> USERNAME = lower(ACCOUNT.USERNAME).collate("C");
    private static final Field<String> EMAIL = lower(ACCOUNT.EMAIL).collate("C");

    private final DSLContext dsl;

    public AccountSearch(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** @param total how many matched, up to {@link #COUNT_LIMIT} + 1 (more than the limit) */
    public AccountPage everywhere(Reach reach, String text, StatusFilter filter, int page, int pageSize) {
        List<Word> words = AccountRecords.words(text).stream().map(this::read).toList();
        Condition scope = scope(reach, filter);
        Condition all = scope;
        for (Word word : words) {
            all = all.and(word.matches());
        }
        // Up to one more than the limit, with what they sort by: when that many or fewer match, this is the answer.
        List<Found> found = words.size() == 1 ? upToLimit(words.get(0), scope) : upToLimit(all);
        int total = found.size();
        List<Long> ids = total <= COUNT_LIMIT || words.isEmpty()
                ? pageOf(found, page, pageSize)
                : manyIds(words, scope, page, pageSize);
        return new AccountPage(byIds(ids), page, pageSize, total);
    }

    /** Several words: the indexes' matches combined (a bitmap AND of each word's), then read up to the limit. */
    private List<Found> upToLimit(Condition all) {
        return dsl.select(ACCOUNT.ID, LAST, FIRST)
                .from(ACCOUNT)
                .where(all)
                .limit(COUNT_LIMIT + 1)
                .fetch(r -> new Found(r.value1(), r.value2(), r.value3()));
    }

    /**
     * One word: each index it may match read on its own, up to the limit, in one statement. A common prefix matches
     * tens of thousands in each, and combining them first (as for several words) would read every one.
     */
    private List<Found> upToLimit(Word word, Condition scope) {
        List<Condition> ways = new ArrayList<>(word.ways());
        Select<Record4<Integer, Long, String, String>> union = null;
        for (int i = 0; i < ways.size(); i++) {
            var branch = dsl.select(DSL.inline(i), ACCOUNT.ID, LAST, FIRST)
                    .from(ACCOUNT)
                    .where(ways.get(i))
                    .and(scope)
                    .limit(COUNT_LIMIT + 1);
            union = union == null ? branch : union.unionAll(branch);
        }
        int[] perWay = new int[ways.size()];
        Map<Long, Found> distinct = new java.util.LinkedHashMap<>();
        union.fetch().forEach(r -> {
            perWay[r.value1()]++;
            distinct.putIfAbsent(r.value2(), new Found(r.value2(), r.value3(), r.value4()));
        });
        List<Found> found = new ArrayList<>(distinct.values());
        boolean more = java.util.Arrays.stream(perWay).anyMatch(n -> n > COUNT_LIMIT);
        return more || found.size() > COUNT_LIMIT ? found.subList(0, COUNT_LIMIT + 1) : found;
    }

    /** A match and what it sorts by. */
    private record Found(long id, String last, String first) {
        // The "C" collation's order: by code point (String.compareTo would differ past the surrogates).
        static final Comparator<Found> ORDER = Comparator.comparing(Found::last, AccountSearch::byCodePoint)
                .thenComparing(Found::first, AccountSearch::byCodePoint)
                .thenComparingLong(Found::id);
    }

    static int byCodePoint(String a, String b) {
        return java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }

    private static List<Long> pageOf(List<Found> found, int page, int pageSize) {
        return found.stream()
                .sorted(Found.ORDER)
                .skip((long) page * pageSize)
                .limit(pageSize)
                .map(Found::id)
                .toList();
    }

    /** Who may be shown: the requester's organizations (or all of MIIC) and the guide's Active/Inactive/All. */
    private static Condition scope(Reach reach, StatusFilter filter) {
        Condition scope = reach.everything() ? DSL.trueCondition() : AccountRepository.worksIn(reach.organizationIds());
        return switch (filter) {
            case ALL -> scope;
            case ACTIVE -> scope.and(ACCOUNT.STATUS.eq(AccountStatus.ACTIVE.name()));
            case INACTIVE -> scope.and(ACCOUNT.STATUS.ne(AccountStatus.ACTIVE.name()));
        };
    }

    /**
     * More than the count limit matched: the longest word drives. Each last name it covers is read in order, a page
     * deep (the first names alphabetically hold the first people); each first name too; the usernames and emails it
     * begins, up to the count limit of them, sorted. The page is cut from what was read.
     */
    private List<Long> manyIds(List<Word> words, Condition scope, int page, int pageSize) {
        Word driving = words.stream()
                .max(Comparator.comparingInt(w -> w.text.length()))
                .orElseThrow();
        Condition others = scope;
        for (Word word : words) {
            if (word != driving) {
                others = others.and(word.matches());
            }
        }
        int deep = (page + 1) * pageSize;
        List<Select<Record3<Long, String, String>>> branches = new ArrayList<>();
        for (String name : names(driving, true, deep)) {
            branches.add(dsl.select(ACCOUNT.ID, LAST, FIRST)
                    .from(ACCOUNT)
                    .where(LAST.eq(DSL.inline(name)))
                    .and(others)
                    .orderBy(LAST, FIRST, ACCOUNT.ID)
                    .limit(deep));
        }
        for (String name : names(driving, false, FIRST_NAMES)) {
            branches.add(dsl.select(ACCOUNT.ID, LAST, FIRST)
                    .from(ACCOUNT)
                    .where(FIRST.eq(DSL.inline(name)))
                    .and(others)
                    .orderBy(FIRST, LAST, ACCOUNT.ID)
                    .limit(deep));
        }
        for (Field<String> identifier : List.of(USERNAME, EMAIL)) {
            Table<Record3<Long, String, String>> begun = dsl.select(ACCOUNT.ID, LAST.as("l"), FIRST.as("f"))
                    .from(ACCOUNT)
                    .where(driving.begins(identifier))
                    .and(others)
                    .limit(COUNT_LIMIT + 1)
                    .asTable("begun");
            branches.add(
                    dsl.select(begun.field(0, Long.class), begun.field(1, String.class), begun.field(2, String.class))
                            .from(begun)
                            .orderBy(begun.field(1), begun.field(2), begun.field(0))
                            .limit(deep));
        }
        Select<Record3<Long, String, String>> union = branches.get(0);
        for (int i = 1; i < branches.size(); i++) {
            union = union.unionAll(branches.get(i));
        }
        Table<Record3<Long, String, String>> read = union.asTable("read", "id", "l", "f");
        Table<Record3<Long, String, String>> found = dsl.selectDistinct(
                        read.field(0, Long.class), read.field(1, String.class), read.field(2, String.class))
                .from(read)
                .asTable("found");
        return inOrder(found, page, pageSize);
    }

    private List<Long> inOrder(Table<Record3<Long, String, String>> found, int page, int pageSize) {
        Field<Long> id = found.field(0, Long.class);
        return dsl.select(id)
                .from(found)
                .orderBy(found.field(1), found.field(2), id)
                .offset(page * pageSize)
                .limit(pageSize)
                .fetch(id);
    }

    private List<Account> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Account> found = new HashMap<>();
        dsl.select(AccountRecords.columns())
                .from(ACCOUNT)
                .where(ACCOUNT.ID.in(ids))
                .fetch(AccountRecords::map)
                .forEach(a -> found.put(a.id(), a));
        return ids.stream().map(found::get).toList();
    }

    /** The names in use of one kind that begin with the word, alphabetically, and those it misspells. */
    private List<String> names(Word word, boolean last, int prefixed) {
        List<String> names = new ArrayList<>(dsl.select(SEARCH_NAME.NAME)
                .from(SEARCH_NAME)
                .where(SEARCH_NAME.LAST.eq(last))
                .and(SEARCH_NAME.NAME.like(DSL.inline(word.prefix)))
                .orderBy(SEARCH_NAME.NAME)
                .limit(prefixed)
                .fetch(SEARCH_NAME.NAME));
        (last ? word.similarLast : word.similarFirst)
                .stream().filter(n -> !names.contains(n)).forEach(names::add);
        return names;
    }

    /** A typed word, with the names in use it may be a misspelling of. */
    private Word read(String text) {
        List<String> similarLast = new ArrayList<>();
        List<String> similarFirst = new ArrayList<>();
        // A misspelled name is what fuzzy matching is for; an email or a username is typed exactly, by its prefix.
        if (text.length() >= FUZZY_FROM && text.chars().allMatch(Character::isLetter)) {
            Field<Float> closeness = DSL.field("similarity({0}, {1})", Float.class, SEARCH_NAME.NAME, DSL.val(text));
            dsl.select(SEARCH_NAME.NAME, SEARCH_NAME.LAST)
                    .from(SEARCH_NAME)
                    .where(DSL.condition("{0} % {1}", SEARCH_NAME.NAME, DSL.val(text)))
                    .and(SEARCH_NAME.NAME.notLike(DSL.inline(likePrefix(text))))
                    .orderBy(closeness.desc(), SEARCH_NAME.NAME)
                    .limit(SIMILAR_NAMES)
                    .forEach(r -> (r.value2() ? similarLast : similarFirst).add(r.value1()));
        }
        return new Word(text, likePrefix(text), similarLast, similarFirst);
    }

    /** The LIKE pattern for what begins with the text: its own % and _ (a username may hold _) match themselves. */
    static String likePrefix(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private record Word(String text, String prefix, List<String> similarLast, List<String> similarFirst) {

        /** A prefix of a name, the username or the email, or a misspelling of a name. */
        Condition matches() {
            return DSL.or(ways());
        }

        /** Each way the word may match, each served by an index of its own. */
        List<Condition> ways() {
            List<Condition> ways =
                    new ArrayList<>(List.of(begins(LAST), begins(FIRST), begins(USERNAME), begins(EMAIL)));
            if (!similarLast.isEmpty()) {
                ways.add(LAST.in(similarLast.stream().map(DSL::inline).toList()));
            }
            if (!similarFirst.isEmpty()) {
                ways.add(FIRST.in(similarFirst.stream().map(DSL::inline).toList()));
            }
            return ways;
        }

        // Inlined, so that the planner sees the prefix and reads the index from it (a bound pattern it cannot).
        Condition begins(Field<String> column) {
            return column.like(DSL.inline(prefix));
        }
    }
}
