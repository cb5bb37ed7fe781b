package mn.miic.helpdesk.accounts.usecases;

import static mn.miic.helpdesk.support.Refusals.refusalOf;
import static mn.miic.helpdesk.support.TestApp.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import mn.miic.helpdesk.accounts.access.AccountAction;
import mn.miic.helpdesk.accounts.access.InvalidInput;
import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.AccountFields;
import mn.miic.helpdesk.accounts.domain.AccountForm;
import mn.miic.helpdesk.accounts.domain.AccountStatus;
import mn.miic.helpdesk.accounts.domain.InactivationReason;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.accounts.domain.RoleAssignment;
import mn.miic.helpdesk.accounts.password.PasswordPolicy;
import mn.miic.helpdesk.accounts.password.PasswordSettings;
import mn.miic.helpdesk.accounts.store.AccountRepository;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.audit.AuditEntry;
import mn.miic.helpdesk.audit.Change;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationKind;
import mn.miic.helpdesk.support.TestApp;
import org.junit.jupiter.api.Test;

/** Every use case against a real PostgreSQL: what changes, what is refused, and what the audit log says. */
class AccountUseCasesTest {

    private final TestApp app = new TestApp();
    private final Organization clinic = app.fixtures.org("TEST1", OrganizationKind.CLINIC);
    private final Account admin = app.fixtures
            .account(clinic)
            .role(RoleAssignment.withOrdering(Role.ADMINISTRATOR))
            .username("mousem2")
            .name("Minnie", "Mouse")
            .create();

    @Test
    void adding_a_user_creates_an_active_account_with_a_temporary_password_that_meets_the_policy() {
        var form = new AccountForm(
                "Mickey",
                "Mouse",
                null,
                "mousem1",
                "Typical User",
                "651",
                "555-5555",
                null,
                "mickey.mouse@email.com",
                "2024-04-01",
                List.of());

        IssuedPassword added = app.accounts.add().execute(as(admin), null, form);

        Account account = added.account();
        assertThat(account.username()).isEqualTo("mousem1");
        assertThat(account.organizationId()).isEqualTo(clinic.id());
        assertThat(account.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(account.locked()).isFalse();
        assertThat(account.mustChangePassword()).isTrue();
        assertThat(account.passwordExpiresAt()).isEqualTo(app.clock.instant().plus(Duration.ofHours(72)));
        String password = added.password().reveal();
        assertThat(new PasswordPolicy(PasswordSettings.DEFAULTS, app.hasher)
                        .check(password, "mousem1", List.of(), List.of()))
                .isEmpty();
        assertThat(app.hasher.matches(password, app.passwordHash(account))).isTrue();

        assertThat(app.auditOf(account)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.ADD);
            assertThat(e.outcome()).isEqualTo(AuditEntry.Outcome.DONE);
            assertThat(e.actorAccountId()).isEqualTo(admin.id());
            assertThat(e.actorUsername()).isEqualTo("mousem2");
            assertThat(e.organizationCode()).isEqualTo("TEST1");
            assertThat(e.changes())
                    .containsEntry(AccountFields.USERNAME, new Change(null, "mousem1"))
                    .containsEntry(AccountFields.ROLE, new Change(null, "Typical User"))
                    .containsEntry("password", new Change(null, "temporary"));
        });
    }

    @Test
    void a_taken_username_in_any_case_is_refused_with_the_next_free_one_suggested() {
        app.fixtures.account(clinic).username("mousem1").create();
        var form = Forms.newUser("Mickey", "Mouse", "MouseM1", RoleAssignment.of(Role.TYPICAL_USER));
        InvalidInput invalid = (InvalidInput) refusalOf(() -> app.accounts.add().execute(as(admin), null, form));
        // mousem2 is the administrator herself, so the next free one is mousem3.
        assertThat(invalid.fieldErrors().get(AccountFields.USERNAME))
                .contains("already taken")
                .contains("mousem3");
    }

    @Test
    void invalid_fields_are_all_reported_and_nothing_is_saved() {
        var form = new AccountForm(
                " ",
                "Mouse",
                "XY",
                "clinic_staff",
                "Boss",
                "65",
                "555",
                "12a",
                "not-an-email",
                "2031-01-01",
                List.of("NOPE"));
        InvalidInput invalid = (InvalidInput) refusalOf(() -> app.accounts.add().execute(as(admin), null, form));
        assertThat(invalid.fieldErrors())
                .containsOnlyKeys(
                        AccountFields.FIRST_NAME,
                        AccountFields.MIDDLE_INITIAL,
                        AccountFields.USERNAME,
                        AccountFields.ROLE,
                        AccountFields.AREA_CODE,
                        AccountFields.PHONE,
                        AccountFields.EXTENSION,
                        AccountFields.EMAIL,
                        AccountFields.USER_DUA_DATE,
                        AccountFields.ADDITIONAL_ORGANIZATIONS);
        assertThat(invalid.fieldErrors().get(AccountFields.USERNAME)).contains("generic");
        assertThat(app.dsl.fetchCount(mn.miic.helpdesk.db.jooq.Tables.ACCOUNT)).isEqualTo(1);
    }

    @Test
    void an_email_may_belong_to_one_account_only_whatever_its_case() {
        app.fixtures.account(clinic).email("Pat.Olson@Example.org").create();
        var form = new AccountForm(
                "Pat",
                "Olson",
                null,
                "olsonp1",
                "Typical User",
                null,
                null,
                null,
                "pat.olson@example.ORG",
                null,
                List.of());
        InvalidInput invalid = (InvalidInput) refusalOf(() -> app.accounts.add().execute(as(admin), null, form));
        assertThat(invalid.fieldErrors()).containsKey(AccountFields.EMAIL);
    }

    @Test
    void unlock_clears_the_lock_and_the_failed_sign_ins_and_only_applies_to_a_locked_account() {
        Account locked = app.fixtures.account(clinic).locked().create();
        Account unlocked = app.accounts.unlock().execute(as(admin), locked.username());
        assertThat(unlocked.locked()).isFalse();
        assertThat(unlocked.failedSignIns()).isZero();
        assertThat(unlocked.version()).isEqualTo(locked.version() + 1);
        assertThat(app.auditOf(locked)).first().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.UNLOCK);
            assertThat(e.changes()).containsEntry(AccountFields.LOCKED, new Change("true", "false"));
        });

        Refusal again = refusalOf(() -> app.accounts.unlock().execute(as(admin), locked.username()));
        assertThat(again.kind()).isEqualTo(Refusal.Kind.WRONG_STATE);
        assertThat(again.getMessage()).contains("is not locked").contains("Active, Unlocked");
        assertThat(app.reload(locked)).isEqualTo(unlocked);
        assertThat(app.auditOf(locked)).first().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(AuditEntry.Outcome.REFUSED);
            assertThat(e.targetAccountId()).isEqualTo(locked.id());
        });
    }

    @Test
    void reactivate_turns_an_inactive_account_active_and_restarts_the_inactivity_clock() {
        for (AccountStatus inactive :
                new AccountStatus[] {AccountStatus.INACTIVE_EXPIRED, AccountStatus.INACTIVE_MANUAL}) {
            Account account = app.fixtures.account(clinic).status(inactive).create();
            Account after = app.accounts.reactivate().execute(as(admin), account.username());
            assertThat(after.status()).isEqualTo(AccountStatus.ACTIVE);
            assertThat(after.reactivatedAt()).isEqualTo(app.clock.instant());
            assertThat(app.auditOf(account).get(0).changes())
                    .containsEntry(AccountFields.STATUS, new Change(inactive.label(), "Active"));

            Refusal again = refusalOf(() -> app.accounts.reactivate().execute(as(admin), account.username()));
            assertThat(again.getMessage()).contains("already active");
        }
    }

    @Test
    void inactivate_keeps_the_reason_and_only_applies_to_an_active_account() {
        Account account = app.fixtures.account(clinic).create();
        assertThat(((InvalidInput) refusalOf(() -> app.accounts
                                .inactivate()
                                .execute(as(admin), account.username(), InactivationReason.OTHER, " ", null)))
                        .fieldErrors())
                .containsKey(AccountFields.INACTIVATION_REASON);
        assertThat(app.reload(account).status()).isEqualTo(AccountStatus.ACTIVE);

        Account after = app.accounts
                .inactivate()
                .execute(as(admin), account.username(), InactivationReason.OTHER, "on leave until March", null);
        assertThat(after.status()).isEqualTo(AccountStatus.INACTIVE_MANUAL);
        assertThat(after.inactivationReason()).isEqualTo("Other: on leave until March");

        Refusal again = refusalOf(() -> app.accounts
                .inactivate()
                .execute(as(admin), account.username(), InactivationReason.NO_LONGER_WORKS_HERE, null, null));
        assertThat(again.kind()).isEqualTo(Refusal.Kind.WRONG_STATE);
        assertThat(again.getMessage()).contains("Inactive Manual");
    }

    @Test
    void reset_issues_a_new_temporary_password_and_keeps_the_state_it_found() {
        Account account = app.fixtures
                .account(clinic)
                .locked()
                .password("Old#Harbor7Quill")
                .create();
        IssuedPassword reset = app.accounts.reset().execute(as(admin), account.username());
        String hash = app.passwordHash(account);
        assertThat(app.hasher.matches(reset.password().reveal(), hash)).isTrue();
        assertThat(app.hasher.matches("Old#Harbor7Quill", hash)).isFalse();
        assertThat(reset.account().mustChangePassword()).isTrue();
        assertThat(reset.account().locked()).as("a reset does not unlock").isTrue();
        assertThat(app.auditOf(account).get(0).changes()).containsEntry("password", new Change("set", "temporary"));
    }

    @Test
    void an_undelivered_reset_is_undone_and_the_old_password_keeps_working() {
        Account account =
                app.fixtures.account(clinic).password("Old#Harbor7Quill").create();
        IssuedPassword reset = app.accounts.reset().execute(as(admin), account.username());

        app.accounts.undoTemporaryPassword().execute(as(admin), app.delivery(reset), "the DM could not be delivered");

        String hash = app.passwordHash(account);
        assertThat(app.hasher.matches("Old#Harbor7Quill", hash)).isTrue();
        assertThat(app.hasher.matches(reset.password().reveal(), hash)).isFalse();
        Account after = app.reload(account);
        assertThat(after.mustChangePassword()).isFalse();
        assertThat(after.passwordExpiresAt()).isNull();
        assertThat(app.auditOf(account))
                .extracting(AuditEntry::action)
                .startsWith(AuditAction.UNDO_TEMPORARY_PASSWORD, AuditAction.RESET_PASSWORD);
    }

    @Test
    void an_undo_is_not_stopped_by_an_edit_or_a_failed_sign_in_in_between() {
        Account account =
                app.fixtures.account(clinic).password("Old#Harbor7Quill").create();
        IssuedPassword reset = app.accounts.reset().execute(as(admin), account.username());
        Account current = app.reload(account);
        app.accounts
                .edit()
                .execute(
                        as(admin),
                        account.username(),
                        Forms.withForm(current, Forms.withPhone(Forms.editOf(current), "555-0111")));

        app.accounts.undoTemporaryPassword().execute(as(admin), app.delivery(reset), "the DM could not be delivered");

        assertThat(app.hasher.matches("Old#Harbor7Quill", app.passwordHash(account)))
                .isTrue();
        assertThat(app.reload(account).phone().number()).as("the edit stays").isEqualTo("5550111");
    }

    @Test
    void an_undo_never_takes_back_a_newer_password() {
        Account account =
                app.fixtures.account(clinic).password("Old#Harbor7Quill").create();
        IssuedPassword first = app.accounts.reset().execute(as(admin), account.username());
        IssuedPassword second = app.accounts.reset().execute(as(admin), account.username());

        Refusal refusal = refusalOf(() -> app.accounts
                .undoTemporaryPassword()
                .execute(as(admin), app.delivery(first), "the DM could not be delivered"));

        assertThat(refusal.kind()).isEqualTo(Refusal.Kind.WRONG_STATE);
        assertThat(app.hasher.matches(second.password().reveal(), app.passwordHash(account)))
                .isTrue();
    }

    @Test
    void an_undelivered_add_leaves_the_new_account_without_a_usable_password() {
        IssuedPassword added = app.accounts
                .add()
                .execute(
                        as(admin),
                        null,
                        Forms.newUser("Lone", "Star", "lonestar", RoleAssignment.of(Role.TYPICAL_USER)));
        app.accounts.undoTemporaryPassword().execute(as(admin), app.delivery(added), "no DM");
        assertThat(app.passwordHash(added.account())).isNull();
        assertThat(app.reload(added.account()).hasPassword()).isFalse();
    }

    @Test
    void editing_saves_the_changed_fields_and_records_them_before_and_after() {
        Account account = app.fixtures
                .account(clinic)
                .name("Lone", "Star")
                .username("lonestar")
                .create();
        AccountForm form = Forms.withEmail(Forms.withPhone(Forms.editOf(account), "555-0142"), "lone@example.org");
        EditAccount.Result result = app.accounts.edit().execute(as(admin), "LONESTAR", Forms.withForm(account, form));

        assertThat(result.account().phone().number()).isEqualTo("5550142");
        assertThat(result.account().email()).isEqualTo("lone@example.org");
        assertThat(result.changes()).containsOnlyKeys(AccountFields.PHONE, AccountFields.EMAIL);
        assertThat(app.auditOf(account).get(0).changes().get(AccountFields.PHONE))
                .isEqualTo(new Change(account.phone().number(), "5550142"));
    }

    @Test
    void editing_with_nothing_changed_saves_nothing() {
        Account account = app.fixtures.account(clinic).create();
        EditAccount.Result result =
                app.accounts.edit().execute(as(admin), account.username(), Forms.unchanged(account));
        assertThat(result.changedAnything()).isFalse();
        assertThat(app.reload(account).version()).isEqualTo(account.version());
        assertThat(app.auditOf(account)).isEmpty();
    }

    @Test
    void an_edit_made_from_a_stale_form_gets_changed_by_someone_else_and_saves_nothing() {
        Account account = app.fixtures.account(clinic).create();
        Account otherAdmin =
                app.fixtures.account(clinic).role(Role.ADMINISTRATOR).create();
        AccountEdit mine = Forms.withForm(account, Forms.withPhone(Forms.editOf(account), "555-0101"));
        AccountEdit theirs = Forms.withForm(account, Forms.withPhone(Forms.editOf(account), "555-0202"));

        app.accounts.edit().execute(as(otherAdmin), account.username(), theirs);
        Refusal refusal = refusalOf(() -> app.accounts.edit().execute(as(admin), account.username(), mine));

        assertThat(refusal.kind()).isEqualTo(Refusal.Kind.CHANGED_BY_SOMEONE_ELSE);
        assertThat(refusal.getMessage()).contains("changed by someone else");
        assertThat(app.reload(account).phone().number()).isEqualTo("5550202");
    }

    @Test
    void the_edit_form_applies_status_and_lock_by_the_same_rules_as_the_actions() {
        Account account = app.fixtures.account(clinic).locked().create();
        AccountEdit unlockAndInactivate = new AccountEdit(
                account.version(),
                Forms.editOf(account),
                false,
                false,
                InactivationReason.NO_LONGER_NEEDS_ACCESS,
                null,
                null);
        EditAccount.Result result = app.accounts.edit().execute(as(admin), account.username(), unlockAndInactivate);
        assertThat(result.account().locked()).isFalse();
        assertThat(result.account().status()).isEqualTo(AccountStatus.INACTIVE_MANUAL);
        assertThat(result.account().inactivationReason()).isEqualTo("No longer needs MIIC access for their work");

        Account current = result.account();
        AccountEdit noReason = new AccountEdit(current.version(), Forms.editOf(current), true, false, null, null, null);
        assertThat(app.accounts
                        .edit()
                        .execute(as(admin), current.username(), noReason)
                        .account()
                        .status())
                .isEqualTo(AccountStatus.ACTIVE);
    }

    @Test
    void renaming_to_a_taken_username_is_refused() {
        Account account = app.fixtures.account(clinic).create();
        InvalidInput invalid = (InvalidInput) refusalOf(() -> app.accounts
                .edit()
                .execute(
                        as(admin),
                        account.username(),
                        Forms.withForm(account, Forms.withUsername(Forms.editOf(account), "MOUSEM2"))));
        assertThat(invalid.fieldErrors().get(AccountFields.USERNAME)).contains("already taken");
    }

    @Test
    void the_account_card_offers_only_the_actions_the_requester_may_take() {
        Account locked = app.fixtures.account(clinic).locked().create();
        assertThat(app.accounts.view().execute(as(admin), locked.username()).allowedActions())
                .containsExactlyInAnyOrder(
                        AccountAction.EDIT,
                        AccountAction.UNLOCK,
                        AccountAction.INACTIVATE,
                        AccountAction.RESET_PASSWORD);
        assertThat(app.accounts.view().execute(as(admin), admin.username()).allowedActions())
                .containsExactly(AccountAction.EDIT);
    }

    @Test
    void an_unknown_username_and_one_out_of_scope_get_the_same_answer() {
        Organization elsewhere = app.fixtures.org("ELSE1", OrganizationKind.CLINIC);
        Account stranger = app.fixtures.account(elsewhere).locked().create();
        Refusal hidden = refusalOf(() -> app.accounts.unlock().execute(as(admin), stranger.username()));
        Refusal missing = refusalOf(() -> app.accounts.unlock().execute(as(admin), "zzzzq9"));
        assertThat(hidden.kind()).isEqualTo(missing.kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
        assertThat(hidden.getMessage())
                .isEqualTo(Refusal.notFound(stranger.username()).getMessage());
        assertThat(missing.getMessage()).isEqualTo(Refusal.notFound("zzzzq9").getMessage());
        assertThat(app.reload(stranger).locked()).isTrue();
    }

    @Test
    void every_kind_of_use_case_writes_exactly_one_audit_row_per_decision() {
        Account account = app.fixtures.account(clinic).locked().create();
        var actor = as(admin);
        app.accounts.unlock().execute(actor, account.username());
        refusalOf(() -> app.accounts.unlock().execute(actor, account.username()));
        assertThat(app.auditOf(actor))
                .extracting(AuditEntry::outcome)
                .containsExactly(AuditEntry.Outcome.DONE, AuditEntry.Outcome.REFUSED);
        assertThat(new AccountRepository(app.dsl).findById(account.id())).isPresent();
    }
}
