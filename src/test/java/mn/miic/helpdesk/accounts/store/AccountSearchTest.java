package mn.miic.helpdesk.accounts.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import mn.miic.helpdesk.accounts.access.Reach;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationKind;
import mn.miic.helpdesk.support.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The MIIC-wide search on its own: whatever way a page is found (few matches sorted, or past the count limit each
 * name read in order), it is the page of every match sorted by last name, first name; checked here against that
 * sort done in Java over every account.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountSearchTest {

    private final TestApp app = new TestApp();
    private final Organization north = app.fixtures.org("SRN", OrganizationKind.CLINIC);
    private final Organization south = app.fixtures.org("SRS", OrganizationKind.CLINIC);
    private final AccountSearch search = new AccountSearch(app.dsl);
    private final List<Account> everyone;

    {
        String[] firsts = {"Ann", "Bo", "Cy", "Dee", "Eli"};
        java.time.OffsetDateTime created = java.time.OffsetDateTime.now(app.clock);
        // 5,200 Olsens (past the count limit, and past what several words read and sort), half in each clinic, by
        // usernames that do not begin with their name.
        app.dsl.execute(
                "insert into account (organization_id, username, first_name, last_name, role, status,"
                        + " created_at, updated_at) select case when g % 2 = 0 then " + north.id() + " else "
                        + south.id()
                        + " end, 'pp' || g, (?::text[])[g % 5 + 1], 'Olsen', 'TYPICAL_USER',"
                        + " case when g % 30 = 0 then 'INACTIVE_EXPIRED' else 'ACTIVE' end, now(), now()"
                        + " from generate_series(1, 5200) g",
                (Object) firsts);
        // Who else "ols" begins: another last name, a first name that sorts early by last name, usernames only.
        app.fixtures.account(north).name("Greta", "Olsson").username("golsson").create();
        app.fixtures.account(south).name("Olsa", "Aaberg").username("aaberg1").create();
        app.fixtures.account(north).name("Olsa", "Zimmer").username("zimmer1").create();
        app.fixtures.account(south).name("Abe", "Able").username("olsuser1").create();
        app.fixtures
                .account(north)
                .name("Zed", "Young")
                .username("olsuser2")
                .email("zed@clinic.example")
                .create();
        app.fixtures
                .account(north)
                .name("Ora", "Early")
                .username("oearly")
                .email("olsen.fan@clinic.example")
                .create();
        app.fixtures.account(south).name("Oscar", "Ott").username("o_x1").create();
        app.fixtures.account(south).name("Omar", "Ott").username("oax1").create();
        everyone = app.dsl
                .select(AccountRecords.columns())
                .from(mn.miic.helpdesk.db.jooq.Tables.ACCOUNT)
                .fetch(AccountRecords::map);
    }

    /** Every account that matches, in the order shown: what a page must be a slice of. */
    private List<Long> expected(Predicate<Account> matches) {
        return everyone.stream()
                .filter(matches)
                .sorted(Comparator.comparing((Account a) -> lower(a.name().last()))
                        .thenComparing(a -> lower(a.name().first()))
                        .thenComparing(Account::id))
                .map(Account::id)
                .toList();
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    private static Predicate<Account> begins(String prefix) {
        return a -> lower(a.name().last()).startsWith(prefix)
                || lower(a.name().first()).startsWith(prefix)
                || lower(a.username()).startsWith(prefix)
                || lower(a.email()).startsWith(prefix);
    }

    private static List<Long> ids(AccountPage page) {
        return page.accounts().stream().map(Account::id).toList();
    }

    private static List<Long> slice(List<Long> all, int page, int size) {
        return all.subList(Math.min(all.size(), page * size), Math.min(all.size(), (page + 1) * size));
    }

    @Test
    void pastTheCountLimitEveryPageIsTheSliceOfEveryMatchSorted() {
        List<Long> all = expected(begins("ols"));
        assertThat(all).hasSizeGreaterThan(AccountSearch.COUNT_LIMIT);
        for (int page : new int[] {0, 1, 7, 60}) {
            AccountPage found = search.everywhere(Reach.EVERYTHING, "OLS", StatusFilter.ALL, page, 10);
            assertThat(found.total()).isEqualTo(AccountSearch.COUNT_LIMIT + 1);
            assertThat(ids(found)).as("page %d", page).isEqualTo(slice(all, page, 10));
        }
        // The first page: the username-only match and the first-name match that sort before every Olsen.
        assertThat(search.everywhere(Reach.EVERYTHING, "ols", StatusFilter.ALL, 0, 3)
                        .accounts())
                .extracting(a -> a.name().last())
                .containsExactly("Aaberg", "Able", "Early");
    }

    /** What "olsen" matches: what it begins. It is a name in use, so not taken for a misspelling of Olsson or Olsa. */
    private static Predicate<Account> olsen() {
        return begins("olsen");
    }

    private static boolean active(Account a) {
        return a.status().name().equals("ACTIVE");
    }

    @Test
    void theFilterAndTheReachHoldPastTheCountLimitToo() {
        Reach both = Reach.of(Set.of(north.id(), south.id()));
        List<Long> active = expected(olsen().and(AccountSearchTest::active));
        assertThat(active).hasSizeGreaterThan(AccountSearch.COUNT_LIMIT);
        AccountPage found = search.everywhere(both, "olsen", StatusFilter.ACTIVE, 2, 25);
        assertThat(found.total()).isEqualTo(AccountSearch.COUNT_LIMIT + 1);
        assertThat(ids(found)).isEqualTo(slice(active, 2, 25));

        List<Long> inactiveNorth =
                expected(olsen().and(a -> a.organizationId() == north.id()).and(a -> !active(a)));
        assertThat(inactiveNorth).hasSizeLessThan(AccountSearch.COUNT_LIMIT);
        found = search.everywhere(Reach.of(Set.of(north.id())), "olsen", StatusFilter.INACTIVE, 1, 25);
        assertThat(found.total()).isEqualTo(inactiveNorth.size());
        assertThat(ids(found)).isEqualTo(slice(inactiveNorth, 1, 25));
    }

    @Test
    void pastTheCountLimitByUsernameAloneThePagesHoldMatchesInNameOrderOnce() {
        // 5,200 usernames begin "pp", no name does: past the limit they are drawn from the first ones by username.
        List<Long> seen = new java.util.ArrayList<>();
        for (int page = 0; page < 3; page++) {
            AccountPage found = search.everywhere(Reach.EVERYTHING, "pp", StatusFilter.ALL, page, 10);
            assertThat(found.total()).isEqualTo(AccountSearch.COUNT_LIMIT + 1);
            assertThat(found.accounts()).hasSize(10).allSatisfy(a -> assertThat(a.username())
                    .startsWith("pp"));
            List<Long> ids = ids(found);
            assertThat(expected(a -> ids.contains(a.id()))).isEqualTo(ids);
            seen.addAll(ids);
        }
        assertThat(seen).doesNotHaveDuplicates();
    }

    @Test
    void aMisspellingPastTheCountLimitReadsTheNamesItMayMean() {
        // "olsenn" is close (pg_trgm) to the last name Olsen and to the first name Olsa, not to Olsson.
        List<Long> meant = expected(a -> lower(a.name().last()).equals("olsen")
                || lower(a.name().first()).equals("olsa"));
        AccountPage found = search.everywhere(Reach.EVERYTHING, "olsenn", StatusFilter.ALL, 0, 10);
        assertThat(found.total()).isEqualTo(AccountSearch.COUNT_LIMIT + 1);
        assertThat(ids(found)).isEqualTo(slice(meant, 0, 10));
        assertThat(found.accounts().get(0).name().last()).isEqualTo("Aaberg");
    }

    @Test
    void twoWordsNarrowAndTheLongerDrives() {
        List<Long> annOlsens = expected(begins("ann").and(begins("olsen")));
        AccountPage found = search.everywhere(Reach.EVERYTHING, "ann olsen", StatusFilter.ALL, 1, 20);
        assertThat(found.total()).isEqualTo(Math.min(annOlsens.size(), AccountSearch.COUNT_LIMIT + 1));
        assertThat(ids(found)).isEqualTo(slice(annOlsens, 1, 20));
        // Two short words that match more than several words read: "olsen" drives, "o" filters.
        List<Long> both = expected(begins("o").and(olsen()));
        assertThat(both).hasSizeGreaterThan(AccountSearch.SEVERAL_READ);
        assertThat(ids(search.everywhere(Reach.EVERYTHING, "o olsen", StatusFilter.ALL, 3, 10)))
                .isEqualTo(slice(both, 3, 10));
    }

    @Test
    void anUnderscoreOrPercentSignTypedMatchesItselfNotAnyCharacter() {
        assertThat(search.everywhere(Reach.EVERYTHING, "o_x", StatusFilter.ALL, 0, 10)
                        .accounts())
                .extracting(Account::username)
                .containsExactly("o_x1");
        assertThat(search.everywhere(Reach.EVERYTHING, "o%", StatusFilter.ALL, 0, 10)
                        .total())
                .isZero();
    }

    @Test
    void aNameChangedLaterIsFoundByItsMisspellingToo() {
        Account renamed = app.fixtures
                .account(south)
                .name("Quentin", "Pettersen")
                .username("qpett1")
                .create();
        assertThat(search.everywhere(Reach.EVERYTHING, "petersen", StatusFilter.ALL, 0, 10)
                        .accounts())
                .extracting(Account::id)
                .containsExactly(renamed.id());
        app.dsl.execute("update account set last_name = 'Quixotic' where id = ?", renamed.id());
        assertThat(search.everywhere(Reach.EVERYTHING, "quixotik", StatusFilter.ALL, 0, 10)
                        .accounts())
                .extracting(Account::id)
                .containsExactly(renamed.id());
    }
}
