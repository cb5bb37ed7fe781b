package mn.miic.helpdesk.accounts.usecases;

import static mn.miic.helpdesk.support.TestApp.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.accounts.domain.RoleAssignment;
import mn.miic.helpdesk.accounts.store.AccountRepository;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationKind;
import mn.miic.helpdesk.support.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** No escalation (SPEC 3): every manager role, with and without Ordering, adding every role, with and without it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleGrantingTest {

    /** The guide's roles each manager may give, written out by hand. */
    private static final Map<Role, Set<Role>> GRANTABLE = Map.of(
            Role.READ_ONLY_ADMINISTRATOR, EnumSet.of(Role.READ_ONLY, Role.READ_ONLY_ADMINISTRATOR),
            Role.ADMINISTRATOR,
                    EnumSet.of(Role.READ_ONLY, Role.TYPICAL_USER, Role.READ_ONLY_ADMINISTRATOR, Role.ADMINISTRATOR),
            Role.HEALTH_SYSTEM_USER, EnumSet.allOf(Role.class));

    private final TestApp app = new TestApp();
    private Organization clinic;
    private Organization helpDeskOrg;

    @BeforeAll
    void organizations() {
        clinic = app.fixtures.org("GRANTC", OrganizationKind.CLINIC);
        helpDeskOrg = app.fixtures.org("GRANTHD", OrganizationKind.STATE);
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Role giver : GRANTABLE.keySet()) {
            for (boolean giverOrdering : new boolean[] {false, true}) {
                for (Role given : Role.values()) {
                    for (boolean givenOrdering : new boolean[] {false, true}) {
                        cases.add(Arguments.of(
                                new RoleAssignment(giver, giverOrdering), new RoleAssignment(given, givenOrdering)));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} gives {1}")
    @MethodSource("cases")
    void a_manager_gives_only_roles_within_their_own_privileges(RoleAssignment giver, RoleAssignment given) {
        Account requester = app.fixtures.account(clinic).role(giver).create();
        assertGrants(requester, giver, given);
    }

    /** SPEC 3: the help desk reaches every organization, but its rank is its own role, like anyone's. */
    @ParameterizedTest(name = "a help-desk {0} gives {1}")
    @MethodSource("cases")
    void a_help_desk_agent_gives_only_roles_within_their_own_privileges_too(
            RoleAssignment giver, RoleAssignment given) {
        Account agent = app.fixtures.account(helpDeskOrg).role(giver).create();
        assertGrants(agent, giver, given);
    }

    private void assertGrants(Account requester, RoleAssignment giver, RoleAssignment given) {
        String username = "grant" + requester.id() + "x";
        boolean expected =
                GRANTABLE.get(giver.role()).contains(given.role()) && (!given.ordering() || giver.ordering());

        Refusal refusal = catchThrowableOfType(
                Refusal.class,
                () -> app.accounts.add().execute(as(requester), clinic.code(), Forms.newUser(username, given)));

        if (expected) {
            assertThat(refusal).isNull();
            assertThat(new AccountRepository(app.dsl).findByUsername(username))
                    .hasValueSatisfying(a -> assertThat(a.role()).isEqualTo(given));
        } else {
            assertThat(refusal).isNotNull();
            assertThat(refusal.kind()).isEqualTo(Refusal.Kind.NOT_ALLOWED);
            assertThat(new AccountRepository(app.dsl).findByUsername(username)).isEmpty();
        }
    }

    /**
     * The take-over rule for the help desk: a reset, edit or inactivation of an account whose role has privileges the
     * agent's own role lacks is refused (a reset of an unlinked account would hand its password to the agent);
     * unlocking and reactivating only restore access and are allowed.
     */
    @ParameterizedTest(name = "a help-desk {0} and an {1}")
    @MethodSource("takeOvers")
    void a_help_desk_agent_does_not_take_over_an_account_that_outranks_them(
            RoleAssignment agentRole, RoleAssignment targetRole) {
        Account agent = app.fixtures.account(helpDeskOrg).role(agentRole).create();
        boolean outranked = !agentRole.covers(targetRole);
        Account target = app.fixtures.account(clinic).role(targetRole).create();
        Refusal reset =
                catchThrowableOfType(Refusal.class, () -> app.accounts.reset().execute(as(agent), target.username()));
        Refusal inactivate = catchThrowableOfType(Refusal.class, () -> app.accounts
                .inactivate()
                .execute(
                        as(agent),
                        target.username(),
                        mn.miic.helpdesk.accounts.domain.InactivationReason.NO_LONGER_WORKS_HERE,
                        null,
                        "test: the clinic has another administrator"));
        assertThat(reset != null).as("reset refused").isEqualTo(outranked);
        assertThat(inactivate != null).as("inactivation refused").isEqualTo(outranked);
        if (outranked) {
            assertThat(reset.getMessage()).contains("has privileges your role", "help-desk agent whose role has them");
            assertThat(app.reload(target)).isEqualTo(target);
        }

        Account locked = app.fixtures.account(clinic).role(targetRole).locked().create();
        assertThat(app.accounts.unlock().execute(as(agent), locked.username()).locked())
                .as("unlocking needs no rank")
                .isFalse();
    }

    static Stream<Arguments> takeOvers() {
        List<RoleAssignment> managers = List.of(
                RoleAssignment.of(Role.READ_ONLY_ADMINISTRATOR),
                RoleAssignment.of(Role.ADMINISTRATOR),
                RoleAssignment.withOrdering(Role.ADMINISTRATOR),
                RoleAssignment.withOrdering(Role.HEALTH_SYSTEM_USER));
        List<Arguments> cases = new ArrayList<>();
        for (RoleAssignment agent : managers) {
            for (RoleAssignment target : managers) {
                cases.add(Arguments.of(agent, target));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "an Administrator edits a Typical User into {1}")
    @MethodSource("cases")
    void editing_a_role_follows_the_same_rule(RoleAssignment giverRole, RoleAssignment given) {
        Account requester = app.fixtures.account(clinic).role(giverRole).create();
        Account target = app.fixtures.account(clinic).role(Role.READ_ONLY).create();
        boolean expected =
                GRANTABLE.get(giverRole.role()).contains(given.role()) && (!given.ordering() || giverRole.ordering());

        Refusal refusal = catchThrowableOfType(Refusal.class, () -> app.accounts
                .edit()
                .execute(
                        as(requester),
                        target.username(),
                        Forms.withForm(target, Forms.withRole(Forms.editOf(target), given))));

        assertThat(refusal == null).isEqualTo(expected);
        assertThat(app.reload(target).role()).isEqualTo(expected ? given : target.role());
    }
}
