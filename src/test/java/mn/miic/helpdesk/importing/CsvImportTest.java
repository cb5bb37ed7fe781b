package mn.miic.helpdesk.importing;

import static mn.miic.helpdesk.db.jooq.Tables.ACCOUNT;
import static mn.miic.helpdesk.db.jooq.Tables.AUDIT_EVENT;
import static mn.miic.helpdesk.db.jooq.Tables.ORGANIZATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import mn.miic.helpdesk.accounts.access.AccessPolicy;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.AccountForm;
import mn.miic.helpdesk.accounts.domain.AccountStatus;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.accounts.domain.RoleAssignment;
import mn.miic.helpdesk.accounts.store.AccountRepository;
import mn.miic.helpdesk.lifecycle.InactivitySweep;
import mn.miic.helpdesk.organizations.OrganizationKind;
import mn.miic.helpdesk.organizations.OrganizationRepository;
import mn.miic.helpdesk.support.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvImportTest {

    private static final String ORGS =
            """
            code,name,kind,parent_code,dua_date
            TEST1,Test Clinic,CLINIC,,2025-03-01
            NSHS,North Star Health System,HEALTH_SYSTEM,,2024-09-01
            NSDUL,North Star Clinic - Duluth,CLINIC,NSHS,2024-09-01
            """;
    private static final String USERS =
            """
            org_code,username,first_name,last_name,middle_initial,role,ordering,status,locked,area_code,phone,extension,email,dua_date,last_sign_in,additional_org_codes
            TEST1,mousem1,Mickey,Mouse,,Typical User,false,Inactive Expired,false,651,555-5555,,mickey.mouse@email.com,2024-04-01,2026-07-01,
            NSDUL,wonderw1,Wonder,Woman,,Health System User,true,Active,true,651,201-5000,,fakeemail@fakeaccount.com,2021-09-16,2026-11-20T08:30,TEST1;NSHS
            """;

    private final TestApp app = new TestApp();
    private final CsvImport csvImport = app.application.csvImport();

    private ImportReport run(String orgs, String users) {
        return csvImport.run(new StringReader(orgs), "orgs.csv", new StringReader(users), "users.csv");
    }

    @Test
    void a_good_pair_of_files_imports_organizations_and_accounts_without_passwords() {
        ImportReport report = run(ORGS, USERS);

        assertThat(report.problems()).isEmpty();
        assertThat(report.organizationsCreated()).isEqualTo(3);
        assertThat(report.accountsCreated()).isEqualTo(2);
        var orgs = new OrganizationRepository(app.dsl);
        var duluth = orgs.findByCode("NSDUL").orElseThrow();
        assertThat(duluth.parentId())
                .isEqualTo(orgs.findByCode("NSHS").orElseThrow().id());
        Account wonder =
                new AccountRepository(app.dsl).findByUsername("wonderw1").orElseThrow();
        assertThat(wonder.role()).isEqualTo(RoleAssignment.withOrdering(Role.HEALTH_SYSTEM_USER));
        assertThat(wonder.locked()).isTrue();
        assertThat(wonder.hasPassword()).isFalse();
        assertThat(wonder.additionalOrganizationIds()).hasSize(2);
        assertThat(wonder.lastSignInAt()).hasToString("2026-11-20T14:30:00Z");
        Account mickey =
                new AccountRepository(app.dsl).findByUsername("mousem1").orElseThrow();
        assertThat(mickey.status()).isEqualTo(AccountStatus.INACTIVE_EXPIRED);
        assertThat(mickey.phone().display()).isEqualTo("(651) 555-5555");
        assertThat(app.auditOf(mickey)).singleElement().satisfies(e -> assertThat(e.reason())
                .isEqualTo("users.csv line 2"));
    }

    @Test
    void an_optional_access_until_column_gives_time_limited_access_and_a_past_day_is_refused() {
        java.time.LocalDate lastDay = app.fixtures.today().plusDays(30);
        String users = "org_code,username,first_name,last_name,middle_initial,role,ordering,status,locked,area_code,"
                + "phone,extension,email,dua_date,last_sign_in,access_until\n"
                + "TEST1,studs1,Sam,Student,,Read Only,false,Active,false,651,555-0101,,,,," + lastDay + "\n"
                + "TEST1,perms1,Pat,Permanent,,Read Only,false,Active,false,651,555-0102,,,,,\n";

        ImportReport report = run(ORGS, users);

        assertThat(report.problems()).isEmpty();
        assertThat(new AccountRepository(app.dsl)
                        .findByUsername("studs1")
                        .orElseThrow()
                        .accessUntil())
                .isEqualTo(lastDay);
        assertThat(new AccountRepository(app.dsl)
                        .findByUsername("perms1")
                        .orElseThrow()
                        .accessUntil())
                .isNull();

        String past = users.replace(
                        lastDay.toString(), app.fixtures.today().minusDays(1).toString())
                .replace("studs1", "olds1");
        ImportReport refused = run(ORGS, past);
        assertThat(refused.problems()).singleElement().satisfies(p -> assertThat(p.toString())
                .contains("line 2", "access_until", "past"));
        assertThat(new AccountRepository(app.dsl).findByUsername("olds1")).isEmpty();
    }

    @Test
    void importing_the_same_files_twice_changes_nothing() {
        run(ORGS, USERS);
        Account before =
                new AccountRepository(app.dsl).findByUsername("wonderw1").orElseThrow();
        int auditRows = app.dsl.fetchCount(AUDIT_EVENT);

        ImportReport again = run(ORGS, USERS);

        assertThat(again.summary())
                .isEqualTo("Organizations: 0 created, 0 updated, 3 unchanged. Accounts: 0 created,"
                        + " 0 updated, 2 unchanged.");
        assertThat(new AccountRepository(app.dsl).findByUsername("wonderw1")).hasValue(before);
        assertThat(app.dsl.fetchCount(AUDIT_EVENT)).isEqualTo(auditRows);
    }

    @Test
    void a_changed_row_updates_the_account_and_is_audited() {
        run(ORGS, USERS);
        ImportReport report =
                run(ORGS, USERS.replace("Inactive Expired,false,651,555-5555", "Active,false,651,555-5556"));
        assertThat(report.accountsUpdated()).isEqualTo(1);
        Account mickey =
                new AccountRepository(app.dsl).findByUsername("mousem1").orElseThrow();
        assertThat(mickey.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(app.auditOf(mickey).get(0).changes()).containsKeys("status", "phone");
    }

    @Test
    void a_file_with_bad_rows_imports_nothing_and_reports_each_bad_row_with_its_line_and_reason() {
        String orgs = ORGS
                + """
                SCH1,Lakeside Elementary,SCHOOL,,2025-08-15
                BAD1,Nowhere,SPACESHIP,,2025-01-01
                KID1,Orphan Clinic,CLINIC,NOPE,2025-01-01
                """;
        String users = USERS
                + """
                TEST1,clinicstaff,Front,Desk,,Typical User,false,Active,false,,,,,,,
                TEST1,mousem1,Mickey,Mouse,,Typical User,false,Active,false,,,,,,,
                TEST1,duckd1,Donald,Duck,,Wizard,maybe,Sleeping,false,,,,,,yesterday,
                SCH1,parkerp1,Peter,Parker,,Typical User,false,Active,false,,,,,,,
                TEST1,starl2,Lone,Star,,Read Only,false,Active,false,,,,MICKEY.MOUSE@email.com,,,
                """;

        ImportReport report = run(orgs, users);

        assertThat(report.succeeded()).isFalse();
        assertThat(report.problems())
                .extracting(RowProblem::file, RowProblem::line)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("orgs.csv", 6L),
                        org.assertj.core.groups.Tuple.tuple("orgs.csv", 7L),
                        org.assertj.core.groups.Tuple.tuple("users.csv", 4L),
                        org.assertj.core.groups.Tuple.tuple("users.csv", 5L),
                        org.assertj.core.groups.Tuple.tuple("users.csv", 6L),
                        org.assertj.core.groups.Tuple.tuple("users.csv", 7L),
                        org.assertj.core.groups.Tuple.tuple("users.csv", 8L));
        assertThat(report.problems().get(0).reason()).contains("SPACESHIP");
        assertThat(report.problems().get(1).reason()).contains("parent_code NOPE");
        assertThat(report.problems().get(2).reason()).contains("generic");
        assertThat(report.problems().get(3).reason()).contains("appears again (first on line 2)");
        assertThat(report.problems().get(4).reason())
                .contains("Wizard")
                .contains("maybe")
                .contains("Sleeping")
                .contains("yesterday");
        assertThat(report.problems().get(5).reason()).contains("read-only roles only");
        assertThat(report.problems().get(6).reason()).contains("used again");
        assertThat(report.summary()).contains("Nothing was imported");
        assertThat(app.dsl.fetchCount(ORGANIZATION)).isZero();
        assertThat(app.dsl.fetchCount(ACCOUNT)).isZero();
        assertThat(app.dsl.fetchCount(AUDIT_EVENT)).isZero();
    }

    @Test
    void a_missing_column_is_reported_on_the_header_line() {
        ImportReport report = run("code,name\nX1,Y\n", USERS);
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.reason()).contains("kind").contains("parent_code").contains("dua_date");
        });
    }

    @Test
    void a_parent_loop_is_refused() {
        ImportReport report = run(
                """
                code,name,kind,parent_code,dua_date
                AA1,A,CLINIC,BB1,
                BB1,B,CLINIC,AA1,
                """,
                "org_code,username,first_name,last_name,middle_initial,role,ordering,status,locked,area_code,"
                        + "phone,extension,email,dua_date,last_sign_in\n");
        assertThat(report.problems()).hasSize(2).allSatisfy(p -> assertThat(p.reason())
                .contains("own ancestor"));
    }

    @Test
    void the_demo_data_from_the_guide_imports_cleanly_and_twice_changes_nothing() {
        ImportReport first = runDemo();
        assertThat(first.problems()).isEmpty();
        assertThat(first.accountsCreated()).isGreaterThanOrEqualTo(15);
        var orgs = new OrganizationRepository(app.dsl);
        assertThat(orgs.findByCode("TEST1"))
                .hasValueSatisfying(o -> assertThat(o.name()).isEqualTo("Test Clinic"));
        assertThat(orgs.findByCode("MTEST")).hasValueSatisfying(o -> {
            assertThat(o.name()).isEqualTo("MIIC - Testing");
            assertThat(o.kind()).isEqualTo(OrganizationKind.STATE);
        });
        var accounts = new AccountRepository(app.dsl);
        assertThat(accounts.findByUsername("wonderw1"))
                .hasValueSatisfying(a -> assertThat(a.locked()).isTrue());
        assertThat(accounts.findByUsername("mousem1"))
                .hasValueSatisfying(a -> assertThat(a.status()).isEqualTo(AccountStatus.INACTIVE_EXPIRED));
        assertThat(accounts.findByUsername("lonestar")).isPresent();
        ImportReport second = runDemo();
        assertThat(second.accountsCreated()
                        + second.accountsUpdated()
                        + second.organizationsCreated()
                        + second.organizationsUpdated())
                .isZero();
    }

    private ImportReport runDemo() {
        return app.application.demoData().load();
    }

    /** The demo was written for a day in November 2026; loaded on any other day it must still show the same states. */
    @ParameterizedTest(name = "loaded {0} days from now")
    @ValueSource(ints = {0, 75, 400, -400})
    void the_demo_shows_the_readmes_states_whatever_the_day_it_is_loaded(int days) {
        app.time.advance(Duration.ofDays(days));
        assertThat(runDemo().problems()).isEmpty();
        LocalDate today = app.fixtures.today();
        var accounts = new AccountRepository(app.dsl);
        var orgs = new OrganizationRepository(app.dsl);

        assertThat(accounts.findByUsername("mousem2").orElseThrow().lastSignInAt())
                .isEqualTo(
                        today.minusDays(1).atStartOfDay(AccessPolicy.MINNESOTA).toInstant());
        assertThat(accounts.findByUsername("lonestar").orElseThrow().lastSignInAt())
                .isEqualTo(
                        today.minusDays(3).atStartOfDay(AccessPolicy.MINNESOTA).toInstant());
        assertThat(orgs.findByCode("TEST1").orElseThrow().duaDate()).isEqualTo(today.minusMonths(8));
        assertThat(orgs.findByCode("OLDMILL").orElseThrow().duaDate()).isEqualTo(today.minusYears(4));

        // The first sweep of the day leaves the guide's active users active.
        new InactivitySweep(app.dsl, app.application.outbox(), app.clock, Duration.ofDays(90)).run();
        for (String active : List.of("mousem2", "lonestar", "goofg1", "princed1", "kentc1", "waynb1", "rossb1")) {
            assertThat(accounts.findByUsername(active).orElseThrow().status())
                    .as(active)
                    .isEqualTo(AccountStatus.ACTIVE);
        }
        assertThat(accounts.findByUsername("mousem1").orElseThrow().status()).isEqualTo(AccountStatus.INACTIVE_EXPIRED);
        assertThat(accounts.findByUsername("duckd1").orElseThrow().status()).isEqualTo(AccountStatus.INACTIVE_MANUAL);

        // Test Clinic's agreement is current and Old Mill's has lapsed, so adding works in one and not the other.
        Account diana = accounts.findByUsername("princed1").orElseThrow();
        var asDiana = TestApp.as(diana);
        assertThat(app.accounts.add().execute(asDiana, "TEST1", newUser("demoj1")))
                .isNotNull();
        assertThatThrownBy(() -> app.accounts.add().execute(asDiana, "OLDMILL", newUser("demoj2")))
                .hasMessageContaining("Data Use Agreement");
    }

    private static AccountForm newUser(String username) {
        return new AccountForm(
                "Jordan", "Rivera", null, username, "Typical User", "651", "555-0100", null, null, null, List.of());
    }

    private static Reader resource(String name) {
        return new InputStreamReader(
                Objects.requireNonNull(CsvImportTest.class.getClassLoader().getResourceAsStream(name), name),
                StandardCharsets.UTF_8);
    }
}
