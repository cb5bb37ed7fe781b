package mn.miic.helpdesk.accounts.usecases;

import static mn.miic.helpdesk.support.Refusals.refusalOf;
import static mn.miic.helpdesk.support.TestApp.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.AccountStatus;
import mn.miic.helpdesk.accounts.domain.InactivationReason;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.accounts.domain.RoleAssignment;
import mn.miic.helpdesk.accounts.store.AccountRepository;
import mn.miic.helpdesk.audit.AuditEntry;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationKind;
import mn.miic.helpdesk.support.TestApp;
import org.junit.jupiter.api.Test;

/** The guards of SPEC 3: self-protection, the last administrator, schools and child care, lapsed DUAs, standing. */
class GuardsTest {

    private final TestApp app = new TestApp();
    private final Organization clinic = app.fixtures.org("GUARDC", OrganizationKind.CLINIC);
    private final Account admin =
            app.fixtures.account(clinic).role(Role.ADMINISTRATOR).create();
    private final Account helpDesk = app.fixtures
            .account(app.fixtures.org("GUARDHD", OrganizationKind.STATE))
            .role(Role.ADMINISTRATOR)
            .create();

    @Test
    void an_administrator_cannot_inactivate_reset_lock_or_demote_themselves() {
        app.fixtures.account(clinic).role(Role.ADMINISTRATOR).create(); // so the last-administrator guard is not why
        var me = as(admin);
        assertThat(refusalOf(() -> app.accounts
                                .inactivate()
                                .execute(me, admin.username(), InactivationReason.OTHER, "leaving", null))
                        .getMessage())
                .contains("your own account");
        assertThat(refusalOf(() -> app.accounts.reset().execute(me, admin.username()))
                        .getMessage())
                .contains("your own account");
        assertThat(refusalOf(() -> app.accounts
                                .edit()
                                .execute(
                                        me,
                                        admin.username(),
                                        new AccountEdit(
                                                admin.version(), Forms.editOf(admin), true, true, null, null, null)))
                        .getMessage())
                .contains("lock your own account");
        assertThat(refusalOf(() -> app.accounts
                                .edit()
                                .execute(
                                        me,
                                        admin.username(),
                                        Forms.withForm(
                                                admin,
                                                Forms.withRole(
                                                        Forms.editOf(admin), RoleAssignment.of(Role.TYPICAL_USER)))))
                        .getMessage())
                .contains("change the role of your own account");
        assertThat(app.reload(admin)).isEqualTo(admin);
    }

    @Test
    void an_administrator_may_still_edit_their_own_phone_number() {
        var result = app.accounts
                .edit()
                .execute(
                        as(admin),
                        admin.username(),
                        Forms.withForm(admin, Forms.withPhone(Forms.editOf(admin), "555-0123")));
        assertThat(result.account().phone().number()).isEqualTo("5550123");
    }

    @Test
    void inactivating_the_last_active_administrator_of_a_location_is_refused() {
        Account other = app.fixtures.account(clinic).role(Role.ADMINISTRATOR).create();
        app.accounts
                .inactivate()
                .execute(as(admin), other.username(), InactivationReason.NO_LONGER_WORKS_HERE, null, null);
        // Now the help desk tries to remove the last one.
        Refusal refusal = refusalOf(() -> app.accounts
                .inactivate()
                .execute(as(helpDesk), admin.username(), InactivationReason.NO_LONGER_WORKS_HERE, null, null));
        assertThat(refusal.kind()).isEqualTo(Refusal.Kind.GUARD);
        assertThat(refusal.getMessage()).contains("no active administrator").contains("written reason");
        assertThat(app.reload(admin).status()).isEqualTo(AccountStatus.ACTIVE);
    }

    @Test
    void the_help_desk_overrides_the_last_administrator_guard_only_with_a_written_reason() {
        Account typical = app.fixtures.account(clinic).role(Role.TYPICAL_USER).create();
        assertThat(refusalOf(() -> app.accounts
                                .inactivate()
                                .execute(as(helpDesk), admin.username(), InactivationReason.MISUSING_MIIC, null, "  "))
                        .kind())
                .isEqualTo(Refusal.Kind.GUARD);

        app.accounts
                .inactivate()
                .execute(
                        as(helpDesk),
                        admin.username(),
                        InactivationReason.MISUSING_MIIC,
                        null,
                        "clinic closing, confirmed by phone with the medical director");

        assertThat(app.reload(admin).status()).isEqualTo(AccountStatus.INACTIVE_MANUAL);
        assertThat(app.auditOf(admin)).first().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(AuditEntry.Outcome.DONE);
            assertThat(e.reason()).contains("help desk override").contains("medical director");
        });
        assertThat(typical.status()).isEqualTo(AccountStatus.ACTIVE);
    }

    @Test
    void only_the_help_desk_may_give_an_override_reason() {
        Account other = app.fixtures.account(clinic).role(Role.TYPICAL_USER).create();
        Refusal refusal = refusalOf(() -> app.accounts
                .inactivate()
                .execute(as(admin), other.username(), InactivationReason.NO_LONGER_WORKS_HERE, null, "trust me"));
        assertThat(refusal.getMessage()).contains("Only the MIIC help desk");
        assertThat(app.reload(other).status()).isEqualTo(AccountStatus.ACTIVE);
    }

    @Test
    void demoting_the_last_administrator_through_edit_is_refused() {
        Account readOnlyAdmin =
                app.fixtures.account(clinic).role(Role.READ_ONLY_ADMINISTRATOR).create();
        Account clinicAdmin = admin;
        // Read Only Administrator counts as someone who manages users; the help desk demotes it first.
        app.accounts
                .edit()
                .execute(
                        as(helpDesk),
                        readOnlyAdmin.username(),
                        Forms.withForm(
                                readOnlyAdmin,
                                Forms.withRole(Forms.editOf(readOnlyAdmin), RoleAssignment.of(Role.READ_ONLY))));
        Refusal refusal = refusalOf(() -> app.accounts
                .edit()
                .execute(
                        as(helpDesk),
                        clinicAdmin.username(),
                        Forms.withForm(
                                clinicAdmin,
                                Forms.withRole(Forms.editOf(clinicAdmin), RoleAssignment.of(Role.TYPICAL_USER)))));
        assertThat(refusal.kind()).isEqualTo(Refusal.Kind.GUARD);
        assertThat(app.reload(clinicAdmin).role()).isEqualTo(RoleAssignment.of(Role.ADMINISTRATOR));
    }

    @Test
    void a_parent_organization_keeps_at_least_one_active_health_system_user() {
        Organization system = app.fixtures.org("GUARDHS", OrganizationKind.HEALTH_SYSTEM);
        app.fixtures.org("GUARDKID", OrganizationKind.CLINIC, system);
        Account hsu = app.fixtures.account(system).role(Role.HEALTH_SYSTEM_USER).create();
        app.fixtures.account(system).role(Role.ADMINISTRATOR).create(); // a manager stays; the HSU rule still bites
        // A help-desk agent whose own role covers a Health System User's (an Administrator's would be refused first).
        Account agent = app.fixtures
                .account(app.fixtures.org("GUARDHD2", OrganizationKind.STATE))
                .role(Role.HEALTH_SYSTEM_USER)
                .create();
        Refusal refusal = refusalOf(() -> app.accounts
                .inactivate()
                .execute(as(agent), hsu.username(), InactivationReason.NO_LONGER_WORKS_HERE, null, null));
        assertThat(refusal.kind()).isEqualTo(Refusal.Kind.GUARD);
        assertThat(refusal.getMessage()).contains("no active Health System User");
    }

    @Test
    void schools_and_child_care_get_read_only_roles_only() {
        for (OrganizationKind kind : new OrganizationKind[] {OrganizationKind.SCHOOL, OrganizationKind.CHILD_CARE}) {
            Organization org = app.fixtures.org("RO" + kind.name().substring(0, 5), kind);
            Account roAdmin =
                    app.fixtures.account(org).role(Role.READ_ONLY_ADMINISTRATOR).create();
            String u1 = "school" + roAdmin.id() + "a";
            Refusal refusal = refusalOf(() -> app.accounts
                    .add()
                    .execute(as(helpDesk), org.code(), Forms.newUser(u1, RoleAssignment.of(Role.TYPICAL_USER))));
            assertThat(refusal.getMessage()).contains("read-only roles only");
            assertThat(refusalOf(() -> app.accounts
                                    .add()
                                    .execute(
                                            as(helpDesk),
                                            org.code(),
                                            Forms.newUser(u1, RoleAssignment.withOrdering(Role.READ_ONLY))))
                            .getMessage())
                    .contains("without Ordering");
            app.accounts.add().execute(as(roAdmin), org.code(), Forms.newUser(u1, RoleAssignment.of(Role.READ_ONLY)));
            assertThat(new AccountRepository(app.dsl).findByUsername(u1)).isPresent();
        }
    }

    @Test
    void adding_a_user_where_the_dua_has_lapsed_is_refused_with_the_reason() {
        LocalDate today = app.fixtures.today();
        LocalDate signed = today.minusYears(3).minusDays(23);
        Organization lapsed = app.fixtures.org("LAPSED", OrganizationKind.PHARMACY, null, signed);
        Organization none = app.fixtures.org("NODUA", OrganizationKind.PHARMACY, null, null);
        Organization justCurrent = app.fixtures.org(
                "FRESH", OrganizationKind.PHARMACY, null, today.minusYears(3).plusDays(1));

        Refusal refusal = refusalOf(() -> app.accounts
                .add()
                .execute(as(helpDesk), lapsed.code(), Forms.newUser("lapsedj1", RoleAssignment.of(Role.TYPICAL_USER))));
        assertThat(refusal.getMessage())
                .contains(signed.toString())
                .contains("lapsed on " + signed.plusYears(3))
                .contains("3 years");
        assertThat(refusalOf(() -> app.accounts
                                .add()
                                .execute(
                                        as(helpDesk),
                                        none.code(),
                                        Forms.newUser("noduaj1", RoleAssignment.of(Role.TYPICAL_USER))))
                        .getMessage())
                .contains("no Data Use Agreement date");
        app.accounts
                .add()
                .execute(
                        as(helpDesk),
                        justCurrent.code(),
                        Forms.newUser("freshj1", RoleAssignment.of(Role.TYPICAL_USER)));
        assertThat(new AccountRepository(app.dsl).findByUsername("lapsedj1")).isEmpty();
        assertThat(new AccountRepository(app.dsl).findByUsername("freshj1")).isPresent();
    }

    @Test
    void a_read_only_administrator_cannot_take_over_an_administrator_account() {
        Account roAdmin =
                app.fixtures.account(clinic).role(Role.READ_ONLY_ADMINISTRATOR).create();
        Account staff = app.fixtures.account(clinic).role(Role.TYPICAL_USER).create();
        assertThat(refusalOf(() -> app.accounts.reset().execute(as(roAdmin), admin.username()))
                        .getMessage())
                .contains("privileges your role");
        // ...but looks after ordinary staff, as the guide says.
        assertThat(app.accounts
                        .reset()
                        .execute(as(roAdmin), staff.username())
                        .password()
                        .reveal())
                .hasSize(16);
    }

    @Test
    void a_locked_or_inactive_administrator_may_only_see_their_own_account() {
        Account locked =
                app.fixtures.account(clinic).role(Role.ADMINISTRATOR).locked().create();
        Account expired = app.fixtures
                .account(clinic)
                .role(Role.ADMINISTRATOR)
                .status(AccountStatus.INACTIVE_EXPIRED)
                .create();
        Account staff =
                app.fixtures.account(clinic).role(Role.TYPICAL_USER).locked().create();
        for (Account requester : new Account[] {locked, expired}) {
            Refusal refusal = refusalOf(() -> app.accounts.unlock().execute(as(requester), staff.username()));
            assertThat(refusal.getMessage()).contains("can only see your own account");
            assertThat(app.accounts
                            .view()
                            .execute(as(requester), requester.username())
                            .account()
                            .id())
                    .isEqualTo(requester.id());
            assertThatThrownBy(() -> app.accounts.view().execute(as(requester), staff.username()))
                    .isInstanceOf(Refusal.class);
        }
        assertThat(app.reload(staff).locked()).isTrue();
    }

    @Test
    void a_staff_member_sees_their_own_account_and_nobody_else() {
        Account staff = app.fixtures.account(clinic).role(Role.TYPICAL_USER).create();
        assertThat(app.accounts.view().execute(as(staff), staff.username()).allowedActions())
                .isEmpty();
        Refusal existing = refusalOf(() -> app.accounts.view().execute(as(staff), admin.username()));
        Refusal missing = refusalOf(() -> app.accounts.view().execute(as(staff), "nosuchuser1"));
        assertThat(existing.getMessage()).isEqualTo(missing.getMessage()).contains("Only a MIIC administrator");
    }

    @Test
    void an_unknown_requester_is_refused_and_audited() {
        var stranger = mn.miic.helpdesk.audit.Actor.account(999_999L, "UNKNOWN");
        Refusal refusal = refusalOf(() -> app.accounts.view().execute(stranger, admin.username()));
        assertThat(refusal.getMessage()).contains("not linked");
        assertThat(app.auditOf(stranger)).singleElement().satisfies(e -> assertThat(e.outcome())
                .isEqualTo(AuditEntry.Outcome.REFUSED));
    }
}
