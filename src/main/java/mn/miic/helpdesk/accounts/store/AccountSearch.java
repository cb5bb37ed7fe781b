package mn.miic.helpdesk.accounts.store;

import static mn.miic.helpdesk.db.jooq.Tables.ACCOUNT;
import static mn.miic.helpdesk.db.jooq.Tables.SEARCH_NAME;
import static org.jooq.impl.DSL.lower;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mn.miic.helpdesk.accounts.access.Reach;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.AccountStatus;
import mn.miic.helpdesk.db.jooq.tables.SearchName;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
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

    /**
     * Counted exactly up to here; past it "more than 200" is all a person paging in Slack needs (twenty pages), and
     * each way a word may match is read no further than this to know.
     */
    public static final int COUNT_LIMIT = 200;

    /** Several words narrow in the indexes before a row is read: up to this many matches are read and sorted. */
    static final int SEVERAL_READ = 5_000;

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
        int deep = (page + 1) * pageSize;
        Read read = words.size() == 1 ? oneWord(words.get(0), scope, deep) : severalWords(words, scope, deep);
        List<Long> ids = read.found.stream()
                .sorted(Found.ORDER)
                .skip((long) page * pageSize)
                .limit(pageSize)
                .map(Found::id)
                .toList();
        return new AccountPage(byIds(ids), page, pageSize, Math.min(read.total, COUNT_LIMIT + 1));
    }

    /** What was read: every match when there are few, or past the limit every match that may be on the page. */
    private record Read(Collection<Found> found, int total) {}

    /**
     * One word: each way it may match read on its own, up to the limit, in one statement (a common prefix matches
     * tens of thousands each way, and combining them first would read every one). The last names are read in the
     * order shown, so that past the limit their first are already at hand; the first names it covers are then read,
     * each in that order, a page deep.
     */
    private Read oneWord(Word word, Condition scope, int deep) {
        List<Select<Record4<Integer, Long, String, String>>> ways = new ArrayList<>();
        ways.add(dsl.select(DSL.inline(0), ACCOUNT.ID, LAST, FIRST)
                .from(ACCOUNT)
                .where(word.begins(LAST))
                .and(scope)
                .orderBy(LAST, FIRST, ACCOUNT.ID)
                .limit(Math.max(COUNT_LIMIT + 1, deep)));
        List<Condition> others = word.otherWays();
        for (int i = 0; i < others.size(); i++) {
            ways.add(dsl.select(DSL.inline(i + 1), ACCOUNT.ID, LAST, FIRST)
                    .from(ACCOUNT)
                    .where(others.get(i))
                    .and(scope)
                    .limit(COUNT_LIMIT + 1));
        }
        int[] perWay = new int[ways.size()];
        Map<Long, Found> found = new LinkedHashMap<>();
        union(ways).fetch().forEach(r -> {
            perWay[r.value1()]++;
            found.putIfAbsent(r.value2(), new Found(r.value2(), r.value3(), r.value4()));
        });
        boolean more = found.size() > COUNT_LIMIT || Arrays.stream(perWay).anyMatch(n -> n > COUNT_LIMIT);
        if (!more) {
            return new Read(found.values(), found.size());
        }
        // The usernames and emails as read: complete up to the limit, past it the first ones by username or email.
        byName(word, scope, deep, false).fetch().forEach(r -> found.putIfAbsent(r.value1(), Found.of(r)));
        return new Read(found.values(), COUNT_LIMIT + 1);
    }

    /**
     * Several words: each word's matches combined in the indexes (a bitmap AND), then read, up to {@link
     * #SEVERAL_READ} of them, and sorted. Past that (short, common words), the longest word drives, as one word past
     * the limit, the others filtering.
     */
    private Read severalWords(List<Word> words, Condition scope, int deep) {
        Condition all = scope;
        for (Word word : words) {
            all = all.and(word.matches());
        }
        List<Found> found = dsl.select(ACCOUNT.ID, LAST, FIRST)
                .from(ACCOUNT)
                .where(all)
                .limit(SEVERAL_READ + 1)
                .fetch(Found::of);
        if (found.size() <= SEVERAL_READ) {
            return new Read(found, found.size());
        }
        Word driving = words.stream()
                .max(Comparator.comparingInt(w -> w.text.length()))
                .orElseThrow();
        Condition filter = scope;
        for (Word word : words) {
            if (word != driving) {
                filter = filter.and(word.matches());
            }
        }
        Map<Long, Found> read = new LinkedHashMap<>();
        byName(driving, filter, deep, true).fetch().forEach(r -> read.putIfAbsent(r.value1(), Found.of(r)));
        return new Read(read.values(), COUNT_LIMIT + 1);
    }

    /**
     * The matches of a word that may be among the first {@code deep} shown: each name it covers (the first names it
     * begins, up to {@link #FIRST_NAMES}, and the names it misspells) read from the index in the order shown, a page
     * deep; with {@code all}, the last names it begins so too, and up to the count limit of the usernames and
     * emails it begins (usernames are unique: there is no name to read them by).
     */
    private Select<Record3<Long, String, String>> byName(Word word, Condition filter, int deep, boolean all) {
        List<Select<Record3<Long, String, String>>> parts = new ArrayList<>();
        SearchName n = SEARCH_NAME.as("n");
        Condition firstNames = n.LAST.isFalse()
                .and(
                        word.similarFirst.isEmpty()
                                ? n.NAME.like(DSL.inline(word.prefix))
                                : n.NAME.like(DSL.inline(word.prefix)).or(n.NAME.in(inlined(word.similarFirst))));
        var first = dsl.select(n.NAME)
                .from(n)
                .where(firstNames)
                .orderBy(n.NAME)
                .limit(FIRST_NAMES)
                .asTable("names");
        Field<String> firstName = first.field(n.NAME);
        Table<Record3<Long, String, String>> walk = DSL.lateral(dsl.select(ACCOUNT.ID, LAST, FIRST)
                        .from(ACCOUNT)
                        .where(FIRST.eq(firstName))
                        .and(filter)
                        .orderBy(LAST, ACCOUNT.ID)
                        .limit(deep))
                .as("walk", "id", "l", "f");
        parts.add(dsl.select(walk.field(0, Long.class), walk.field(1, String.class), walk.field(2, String.class))
                .from(first.crossJoin(walk)));
        if (!word.similarLast.isEmpty()) {
            for (String name : word.similarLast) {
                parts.add(inOrder(LAST.eq(DSL.inline(name)).and(filter), deep));
            }
        }
        if (all) {
            parts.add(inOrder(word.begins(LAST).and(filter), deep));
            for (Field<String> identifier : List.of(USERNAME, EMAIL)) {
                parts.add(dsl.select(ACCOUNT.ID, LAST, FIRST)
                        .from(ACCOUNT)
                        .where(word.begins(identifier))
                        .and(filter)
                        .limit(COUNT_LIMIT + 1));
            }
        }
        return union(parts);
    }

    /** Accounts by last name, in the order shown: one index range. */
    private Select<Record3<Long, String, String>> inOrder(Condition byLastName, int deep) {
        return dsl.select(ACCOUNT.ID, LAST, FIRST)
                .from(ACCOUNT)
                .where(byLastName)
                .orderBy(LAST, FIRST, ACCOUNT.ID)
                .limit(deep);
    }

    private static <R extends Record> Select<R> union(List<Select<R>> parts) {
        Select<R> union = parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            union = union.unionAll(parts.get(i));
        }
        return union;
    }

    private static List<Field<String>> inlined(List<String> names) {
        return names.stream().<Field<String>>map(DSL::inline).toList();
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

    /** A match and what it sorts by. */
    private record Found(long id, String last, String first) {
        // The "C" collation's order: by code point (String.compareTo would differ past the surrogates).
        static final Comparator<Found> ORDER = Comparator.comparing(Found::last, AccountSearch::byCodePoint)
                .thenComparing(Found::first, AccountSearch::byCodePoint)
                .thenComparingLong(Found::id);

        static Found of(Record3<Long, String, String> r) {
            return new Found(r.value1(), r.value2(), r.value3());
        }
    }

    static int byCodePoint(String a, String b) {
        return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
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

    /** A typed word, with the names in use it may be a misspelling of. */
    private Word read(String text) {
        List<String> similarLast = new ArrayList<>();
        List<String> similarFirst = new ArrayList<>();
        // A misspelled name is what fuzzy matching is for; an email or a username is typed exactly, by its prefix.
        // A word that is a name in use is not misspelled: "maria" finds Maria and Mariana, not Mark too.
        if (text.length() >= FUZZY_FROM && text.chars().allMatch(Character::isLetter)) {
            Field<Float> closeness = DSL.field("similarity({0}, {1})", Float.class, SEARCH_NAME.NAME, DSL.val(text));
            Field<Boolean> exact = DSL.field(DSL.name("exact"), Boolean.class);
            var near = dsl.select(
                            SEARCH_NAME.NAME,
                            SEARCH_NAME.LAST,
                            DSL.inline(false).as(exact))
                    .from(SEARCH_NAME)
                    .where(DSL.condition("{0} % {1}", SEARCH_NAME.NAME, DSL.val(text)))
                    .and(SEARCH_NAME.NAME.notLike(DSL.inline(likePrefix(text))))
                    .orderBy(closeness.desc(), SEARCH_NAME.NAME)
                    .limit(SIMILAR_NAMES);
            var itself = dsl.select(
                            SEARCH_NAME.NAME, SEARCH_NAME.LAST, DSL.inline(true).as(exact))
                    .from(SEARCH_NAME)
                    .where(SEARCH_NAME.LAST.in(true, false)) // the key is (last, name)
                    .and(SEARCH_NAME.NAME.eq(text));
            var names = itself.unionAll(near).fetch();
            if (names.stream().noneMatch(r -> r.value3())) {
                names.forEach(r -> (r.value2() ? similarLast : similarFirst).add(r.value1()));
            }
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
            List<Condition> ways = new ArrayList<>(otherWays());
            ways.add(begins(LAST));
            return DSL.or(ways);
        }

        /** Each way but a prefix of the last name that the word may match, each served by an index of its own. */
        List<Condition> otherWays() {
            List<Condition> ways = new ArrayList<>(List.of(begins(FIRST), begins(USERNAME), begins(EMAIL)));
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
