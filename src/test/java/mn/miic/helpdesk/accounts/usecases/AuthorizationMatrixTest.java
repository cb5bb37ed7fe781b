package mn.miic.helpdesk.accounts.usecases;

import static mn.miic.helpdesk.support.TestApp.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.AccountStatus;
import mn.miic.helpdesk.accounts.domain.InactivationReason;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.accounts.domain.RoleAssignment;
import mn.miic.helpdesk.accounts.store.AccountRepository;
import mn.miic.helpdesk.accounts.store.StatusFilter;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.audit.AuditEntry;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationKind;
import mn.miic.helpdesk.support.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC 3 as a table: every role, with and without Ordering, at a health system and at the STATE organization (the help
 * desk, when the role manages users), times every operation, times a target in
 * the requester's own organization, in a child organization, and in an unrelated one. The expectation is written
 * from the spec here, independently of the policy code; a refusal must change nothing and leave an audit row.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    enum Operation {
        VIEW,
        SEARCH,
        ADD,
        EDIT,
        UNLOCK,
        REACTIVATE,
        INACTIVATE,
        RESET
    }

    enum Scope {
        OWN,
        CHILD,
        UNRELATED
    }

    /** The requester: a role with or without Ordering at the parent organization, or at the STATE organization. */
    record Who(Role role, boolean ordering, boolean helpDesk) {
        @Override
        public String toString() {
            return (helpDesk ? "STATE " : "") + new RoleAssignment(role, ordering).label();
        }
    }

    private final TestApp app = new TestApp();
    private final Map<Who, Account> requesters = new HashMap<>();
    private final Map<Scope, Organization> orgs = new EnumMap<>(Scope.class);

    @BeforeAll
    void organizationsAndRequesters() {
        var f = app.fixtures;
        Organization helpDesk = f.org("MATRIXHD", OrganizationKind.STATE);
        Organization parent = f.org("MATRIXP", OrganizationKind.HEALTH_SYSTEM);
        orgs.put(Scope.OWN, parent);
        orgs.put(Scope.CHILD, f.org("MATRIXC", OrganizationKind.CLINIC, parent));
        orgs.put(Scope.UNRELATED, f.org("MATRIXU", OrganizationKind.CLINIC));
        for (Who who : everyone()) {
            Organization home = who.helpDesk() ? helpDesk : parent;
            requesters.put(
                    who,
                    f.account(home)
                            .role(new RoleAssignment(who.role(), who.ordering()))
                            .create());
        }
    }

    static List<Who> everyone() {
        List<Who> all = new ArrayList<>();
        for (Role role : Role.values()) {
            for (boolean atState : new boolean[] {false, true}) {
                all.add(new Who(role, false, atState));
                all.add(new Who(role, true, atState));
            }
        }
        return all;
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Who who : everyone()) {
            for (Scope scope : Scope.values()) {
                for (Operation op : Operation.values()) {
                    cases.add(Arguments.of(who, scope, op));
                }
            }
        }
        return cases.stream();
    }

    /** SPEC 3, restated: who may do what to a Typical User of each scope (adding means adding a Typical User). */
    static boolean allowed(Who who, Scope scope, Operation op) {
        boolean manager = Set.of(Role.READ_ONLY_ADMINISTRATOR, Role.ADMINISTRATOR, Role.HEALTH_SYSTEM_USER)
                .contains(who.role());
        // A manager at the STATE organization is the help desk: every organization is in reach, the rank is the role.
        boolean reaches =
                who.helpDesk() || scope == Scope.OWN || (scope == Scope.CHILD && who.role() == Role.HEALTH_SYSTEM_USER);
        boolean mayGiveTypicalUser = who.role() == Role.ADMINISTRATOR || who.role() == Role.HEALTH_SYSTEM_USER;
        return manager && reaches && (op != Operation.ADD || mayGiveTypicalUser);
    }

    @ParameterizedTest(name = "{0} / {1} / {2}")
    @MethodSource("cases")
    void each_role_may_do_exactly_what_the_spec_says(Who who, Scope scope, Operation op) {
        Organization org = orgs.get(scope);
        Account target = targetFor(op, org);
        Actor actor = as(requesters.get(who));
        String newUsername = "added" + target.id() + "x";

        Refusal refusal = catchThrowableOfType(Refusal.class, () -> run(op, actor, org, target, newUsername));

        if (allowed(who, scope, op)) {
            assertThat(refusal).as("refusal").isNull();
            assertThat(app.auditOf(actor)).extracting(AuditEntry::outcome).containsOnly(AuditEntry.Outcome.DONE);
        } else {
            assertThat(refusal).as("expected a refusal").isNotNull();
            if (op != Operation.SEARCH && op != Operation.ADD && isManager(who)) {
                // A manager who may not see the account learns nothing about it: the same as a missing username.
                assertThat(refusal.kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
                assertThat(refusal.getMessage())
                        .isEqualTo(Refusal.notFound(target.username()).getMessage());
            } else {
                assertThat(refusal.kind()).isEqualTo(Refusal.Kind.NOT_ALLOWED);
            }
            assertThat(app.reload(target)).as("the target is unchanged").isEqualTo(target);
            assertThat(new AccountRepository(app.dsl).findByUsername(newUsername))
                    .isEmpty();
            assertThat(app.auditOf(actor)).singleElement().satisfies(e -> {
                assertThat(e.outcome()).isEqualTo(AuditEntry.Outcome.REFUSED);
                assertThat(e.reason()).isEqualTo(refusal.getMessage());
                assertThat(e.actorAccountId()).isEqualTo(requesters.get(who).id());
            });
        }
    }

    private static boolean isManager(Who who) {
        return who.role().managesUsers();
    }

    private Account targetFor(Operation op, Organization org) {
        var builder = app.fixtures.account(org).role(Role.TYPICAL_USER);
        switch (op) {
            case UNLOCK -> builder.locked();
            case REACTIVATE -> builder.status(AccountStatus.INACTIVE_EXPIRED);
            default -> {}
        }
        return builder.create();
    }

    private void run(Operation op, Actor actor, Organization org, Account target, String newUsername) {
        var accounts = app.accounts;
        switch (op) {
            case VIEW -> accounts.view().execute(actor, target.username());
            case SEARCH -> accounts.search().execute(actor, org.code(), "", StatusFilter.ALL, 0, 10);
            case ADD -> accounts.add()
                    .execute(actor, org.code(), Forms.newUser(newUsername, RoleAssignment.of(Role.TYPICAL_USER)));
            case EDIT -> accounts.edit()
                    .execute(
                            actor,
                            target.username(),
                            Forms.withForm(target, Forms.withPhone(Forms.editOf(target), "555-0199")));
            case UNLOCK -> accounts.unlock().execute(actor, target.username());
            case REACTIVATE -> accounts.reactivate().execute(actor, target.username());
            case INACTIVATE -> accounts.inactivate()
                    .execute(actor, target.username(), InactivationReason.NO_LONGER_WORKS_HERE, null, null);
            case RESET -> accounts.reset().execute(actor, target.username());
        }
    }
}
