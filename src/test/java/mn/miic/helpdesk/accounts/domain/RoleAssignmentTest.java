package mn.miic.helpdesk.accounts.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoleAssignmentTest {

    @Test
    void privileges_are_the_union_the_guide_lists() {
        assertThat(Role.READ_ONLY.privileges())
                .containsExactlyInAnyOrder(Privilege.VIEW_CLIENTS, Privilege.LISTS_AND_ASSESSMENT_REPORTS);
        assertThat(Role.READ_ONLY_ADMINISTRATOR.privileges())
                .contains(Privilege.MANAGE_USERS)
                .doesNotContain(Privilege.EDIT_CLIENTS_AND_IMMUNIZATIONS);
        assertThat(Role.HEALTH_SYSTEM_USER.privileges())
                .containsAll(Role.ADMINISTRATOR.privileges())
                .contains(Privilege.CHILD_ORGANIZATIONS);
        assertThat(RoleAssignment.withOrdering(Role.TYPICAL_USER).privileges()).contains(Privilege.VACCINE_ORDERING);
        assertThat(RoleAssignment.of(Role.TYPICAL_USER).privileges()).doesNotContain(Privilege.VACCINE_ORDERING);
    }

    @Test
    void only_three_roles_manage_users() {
        assertThat(Role.READ_ONLY.managesUsers()).isFalse();
        assertThat(Role.TYPICAL_USER.managesUsers()).isFalse();
        assertThat(Role.READ_ONLY_ADMINISTRATOR.managesUsers()).isTrue();
        assertThat(Role.ADMINISTRATOR.managesUsers()).isTrue();
        assertThat(Role.HEALTH_SYSTEM_USER.managesUsers()).isTrue();
    }

    @Test
    void covering_is_the_subset_rule() {
        var readOnlyAdmin = RoleAssignment.of(Role.READ_ONLY_ADMINISTRATOR);
        assertThat(readOnlyAdmin.covers(RoleAssignment.of(Role.READ_ONLY))).isTrue();
        assertThat(readOnlyAdmin.covers(RoleAssignment.of(Role.TYPICAL_USER))).isFalse();
        assertThat(readOnlyAdmin.covers(RoleAssignment.of(Role.ADMINISTRATOR))).isFalse();
        assertThat(RoleAssignment.of(Role.ADMINISTRATOR).covers(RoleAssignment.withOrdering(Role.TYPICAL_USER)))
                .isFalse();
        assertThat(RoleAssignment.withOrdering(Role.ADMINISTRATOR)
                        .covers(RoleAssignment.withOrdering(Role.TYPICAL_USER)))
                .isTrue();
    }

    @Test
    void labels_parse_both_ways() {
        for (Role role : Role.values()) {
            for (boolean ordering : new boolean[] {false, true}) {
                RoleAssignment r = new RoleAssignment(role, ordering);
                assertThat(RoleAssignment.parse(r.label())).hasValue(r);
            }
        }
        assertThat(RoleAssignment.parse("administrator WITH ordering"))
                .hasValue(RoleAssignment.withOrdering(Role.ADMINISTRATOR));
        assertThat(RoleAssignment.parse("Super User")).isEmpty();
    }
}
