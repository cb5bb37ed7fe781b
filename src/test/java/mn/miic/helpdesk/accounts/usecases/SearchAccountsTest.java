package mn.miic.helpdesk.accounts.usecases;

import static mn.miic.helpdesk.support.TestApp.as;
import static org.assertj.core.api.Assertions.assertThat;

import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.AccountStatus;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.accounts.store.StatusFilter;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationKind;
import mn.miic.helpdesk.support.TestApp;
import org.junit.jupiter.api.Test;

class SearchAccountsTest {

    private final TestApp app = new TestApp();
    private final Organization clinic = app.fixtures.org("FIND1", OrganizationKind.CLINIC);
    private final Account admin = app.fixtures
            .account(clinic)
            .role(Role.ADMINISTRATOR)
            .name("Minnie", "Mouse")
            .username("mousem2")
            .create();

    @Test
    void finds_by_last_name_first_name_or_username_prefix_in_any_case() {
        app.fixtures.account(clinic).name("Mickey", "Mouse").username("mousem1").create();
        app.fixtures.account(clinic).name("Lone", "Star").username("lonestar").create();
        app.fixtures
                .account(app.fixtures.org("FIND2", OrganizationKind.CLINIC))
                .name("Mickey", "Mouse")
                .username("mousem9")
                .create();

        var byLast = app.accounts.search().execute(as(admin), null, "mou", StatusFilter.ALL, 0, 20);
        assertThat(byLast.page().accounts()).extracting(Account::username).containsExactly("mousem1", "mousem2");
        var byFirstAndLast = app.accounts.search().execute(as(admin), null, "mickey MOUSE", StatusFilter.ALL, 0, 20);
        assertThat(byFirstAndLast.page().accounts())
                .extracting(Account::username)
                .containsExactly("mousem1");
        var byUsername = app.accounts.search().execute(as(admin), null, "LONES", StatusFilter.ALL, 0, 20);
        assertThat(byUsername.page().accounts()).extracting(Account::username).containsExactly("lonestar");
        var wildcard = app.accounts.search().execute(as(admin), null, "%", StatusFilter.ALL, 0, 20);
        assertThat(wildcard.page().total()).isZero();
    }

    @Test
    void filters_active_and_inactive_and_pages_sorted_by_name() {
        for (int i = 0; i < 24; i++) {
            app.fixtures
                    .account(clinic)
                    .name("Pat", String.format("Zed%02d", i))
                    .status(i % 3 == 0 ? AccountStatus.INACTIVE_EXPIRED : AccountStatus.ACTIVE)
                    .create();
        }
        var first = app.accounts.search().execute(as(admin), null, "", StatusFilter.ALL, 0, 10);
        assertThat(first.page().total()).isEqualTo(25);
        assertThat(first.page().pages()).isEqualTo(3);
        assertThat(first.page().accounts())
                .hasSize(10)
                .first()
                .extracting(a -> a.name().last())
                .isEqualTo("Mouse");
        var last = app.accounts.search().execute(as(admin), null, "", StatusFilter.ALL, 2, 10);
        assertThat(last.page().accounts()).hasSize(5);
        assertThat(last.page().hasNext()).isFalse();
        assertThat(app.accounts
                        .search()
                        .execute(as(admin), null, "zed", StatusFilter.INACTIVE, 0, 50)
                        .page()
                        .total())
                .isEqualTo(8);
        assertThat(app.accounts
                        .search()
                        .execute(as(admin), null, "zed", StatusFilter.ACTIVE, 0, 50)
                        .page()
                        .total())
                .isEqualTo(16);
    }

    @Test
    void a_floating_user_searches_their_current_organization_and_a_named_one_they_reach() {
        Organization second = app.fixtures.org("FIND3", OrganizationKind.CLINIC);
        Account floater = app.fixtures
                .account(clinic)
                .role(Role.ADMINISTRATOR)
                .alsoIn(second)
                .create();
        app.fixtures.account(second).username("secondsite1").create();
        var there = app.accounts.search().execute(as(floater), "find3", "", StatusFilter.ALL, 0, 20);
        assertThat(there.organization().code()).isEqualTo("FIND3");
        assertThat(there.page().accounts()).extracting(Account::username).containsExactly("secondsite1");
        var refused = org.assertj.core.api.Assertions.catchThrowable(
                () -> app.accounts.search().execute(as(admin), "FIND3", "", StatusFilter.ALL, 0, 20));
        assertThat(refused).hasMessageContaining("You do not manage the users of");
    }
}
