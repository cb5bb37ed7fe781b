package mn.miic.helpdesk.accounts.usecases;

import static mn.miic.helpdesk.support.TestApp.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mn.miic.helpdesk.accounts.access.InvalidInput;
import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.AccountFields;
import mn.miic.helpdesk.accounts.domain.AccountStatus;
import mn.miic.helpdesk.accounts.domain.InactivationReason;
import mn.miic.helpdesk.accounts.domain.PersonName;
import mn.miic.helpdesk.accounts.domain.Phone;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.accounts.domain.RoleAssignment;
import mn.miic.helpdesk.accounts.store.AccountRepository;
import mn.miic.helpdesk.accounts.store.DuplicateAccountField;
import mn.miic.helpdesk.accounts.store.NewAccount;
import mn.miic.helpdesk.db.jooq.Tables;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationKind;
import mn.miic.helpdesk.organizations.OrganizationRepository;
import mn.miic.helpdesk.support.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Two administrators at the same instant: the database keeps the rules, not luck. */
class ConcurrencyTest {

    private final TestApp app = new TestApp();
    private final Organization clinic = app.fixtures.org("RACE1", OrganizationKind.CLINIC);
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** Runs both at once (as near as a barrier gets them) and returns what each did: a result or its refusal. */
    private List<Object> race(Callable<?> first, Callable<?> second) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(2);
        List<Future<Object>> futures = new ArrayList<>();
        for (Callable<?> task : List.of(first, second)) {
            futures.add(pool.submit(() -> {
                barrier.await(5, TimeUnit.SECONDS);
                try {
                    return (Object) task.call();
                } catch (Refusal r) {
                    return r;
                }
            }));
        }
        List<Object> outcomes = new ArrayList<>();
        for (Future<Object> f : futures) {
            outcomes.add(f.get(30, TimeUnit.SECONDS));
        }
        return outcomes;
    }

    @RepeatedTest(5)
    void two_administrators_adding_the_same_username_at_once_get_one_account_and_one_clear_refusal() throws Exception {
        Account a = app.fixtures.account(clinic).role(Role.ADMINISTRATOR).create();
        Account b = app.fixtures.account(clinic).role(Role.ADMINISTRATOR).create();
        String username = "twinsj" + a.id();
        List<Object> outcomes = race(
                () -> app.accounts
                        .add()
                        .execute(
                                as(a),
                                null,
                                Forms.newUser("Jo", "Twins", username, RoleAssignment.of(Role.TYPICAL_USER))),
                () -> app.accounts
                        .add()
                        .execute(
                                as(b),
                                null,
                                Forms.newUser(
                                        "Jo", "Twins", username.toUpperCase(), RoleAssignment.of(Role.TYPICAL_USER))));

        assertThat(outcomes).filteredOn(o -> o instanceof IssuedPassword).hasSize(1);
        assertThat(outcomes)
                .filteredOn(o -> o instanceof InvalidInput)
                .singleElement()
                .satisfies(o -> assertThat(((InvalidInput) o).fieldErrors().get(AccountFields.USERNAME))
                        .contains("already taken"));
        assertThat(app.dsl.fetchCount(
                        Tables.ACCOUNT,
                        org.jooq.impl.DSL.lower(Tables.ACCOUNT.USERNAME).eq(username.toLowerCase())))
                .isEqualTo(1);
    }

    @Test
    void the_database_itself_refuses_a_second_username_differing_only_in_case() {
        var repo = new AccountRepository(app.dsl);
        var details = new mn.miic.helpdesk.accounts.domain.AccountDetails(
                "caseyk1",
                new PersonName("K", null, "Casey"),
                RoleAssignment.of(Role.READ_ONLY),
                Phone.NONE,
                null,
                null,
                java.util.Set.of(),
                null);
        repo.insert(new NewAccount(clinic.id(), details, AccountStatus.ACTIVE, false, null, null));
        var shouting = new mn.miic.helpdesk.accounts.domain.AccountDetails(
                "CASEYK1", details.name(), details.role(), Phone.NONE, null, null, java.util.Set.of(), null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        repo.insert(new NewAccount(clinic.id(), shouting, AccountStatus.ACTIVE, false, null, null)))
                .isInstanceOf(DuplicateAccountField.class);
    }

    @RepeatedTest(5)
    void two_edits_of_one_account_from_the_same_form_version_save_one_and_refuse_the_other() throws Exception {
        Account a = app.fixtures.account(clinic).role(Role.ADMINISTRATOR).create();
        Account b = app.fixtures.account(clinic).role(Role.ADMINISTRATOR).create();
        Account target = app.fixtures.account(clinic).create();
        List<Object> outcomes = race(
                () -> app.accounts
                        .edit()
                        .execute(
                                as(a),
                                target.username(),
                                Forms.withForm(target, Forms.withPhone(Forms.editOf(target), "555-0101"))),
                () -> app.accounts
                        .edit()
                        .execute(
                                as(b),
                                target.username(),
                                Forms.withForm(target, Forms.withPhone(Forms.editOf(target), "555-0202"))));

        assertThat(outcomes).filteredOn(o -> o instanceof EditAccount.Result).hasSize(1);
        assertThat(outcomes)
                .filteredOn(o -> o instanceof Refusal)
                .singleElement()
                .satisfies(o -> assertThat(((Refusal) o).kind()).isEqualTo(Refusal.Kind.CHANGED_BY_SOMEONE_ELSE));
        assertThat(app.reload(target).version()).isEqualTo(target.version() + 1);
    }

    @RepeatedTest(5)
    void two_administrators_inactivating_each_other_at_once_leave_one_active() throws Exception {
        Organization site = app.fixtures.org("RACE" + System.nanoTime() % 100000, OrganizationKind.CLINIC);
        Account a = app.fixtures.account(site).role(Role.ADMINISTRATOR).create();
        Account b = app.fixtures.account(site).role(Role.ADMINISTRATOR).create();
        race(
                () -> app.accounts
                        .inactivate()
                        .execute(as(a), b.username(), InactivationReason.MISUSING_MIIC, null, null),
                () -> app.accounts
                        .inactivate()
                        .execute(as(b), a.username(), InactivationReason.MISUSING_MIIC, null, null));
        long active = java.util.stream.Stream.of(app.reload(a), app.reload(b))
                .filter(Account::isActive)
                .count();
        assertThat(active).isEqualTo(1);
    }

    @RepeatedTest(3)
    void a_double_clicked_unlock_unlocks_once_and_the_second_is_told_it_is_not_locked() throws Exception {
        Account admin = app.fixtures.account(clinic).role(Role.ADMINISTRATOR).create();
        Account target = app.fixtures.account(clinic).locked().create();
        List<Object> outcomes = race(
                () -> app.accounts.unlock().execute(as(admin), target.username()),
                () -> app.accounts.unlock().execute(as(admin), target.username()));
        assertThat(outcomes).filteredOn(o -> o instanceof Account).hasSize(1);
        assertThat(outcomes)
                .filteredOn(o -> o instanceof Refusal)
                .singleElement()
                .satisfies(o -> assertThat(((Refusal) o).kind()).isEqualTo(Refusal.Kind.WRONG_STATE));
        assertThat(app.reload(target).version()).isEqualTo(target.version() + 1);
    }

    /**
     * While a change that could leave a location without an administrator holds the location (an inactivation
     * counting who would still manage it), an unlock, a reset, a reactivation and an added account there go on at
     * once: none of them can take the location's last administrator away. Another inactivation there waits for it.
     */
    @Test
    void changes_that_cannot_leave_a_location_without_an_administrator_do_not_wait_for_one_that_could()
            throws Exception {
        Organization site = app.fixtures.org("HOLD1", OrganizationKind.CLINIC);
        Account admin = app.fixtures.account(site).role(Role.ADMINISTRATOR).create();
        Account locked = app.fixtures.account(site).locked().create();
        Account expired = app.fixtures
                .account(site)
                .status(AccountStatus.INACTIVE_EXPIRED)
                .create();
        Account forgot = app.fixtures.account(site).create();
        Account leaving = app.fixtures.account(site).create();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder = pool.submit(() -> {
            app.dsl.transaction(cfg -> {
                new OrganizationRepository(cfg.dsl()).lock(site.id());
                held.countDown();
                release.await(60, TimeUnit.SECONDS);
            });
            return null;
        });
        try {
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
            // Each on the other thread, given 10 s: one waiting for the location would wait for the holder (60 s).
            assertThat(pool.submit(() -> app.accounts.unlock().execute(as(admin), locked.username()))
                            .get(10, TimeUnit.SECONDS)
                            .locked())
                    .isFalse();
            assertThat(pool.submit(() -> app.accounts.reactivate().execute(as(admin), expired.username()))
                            .get(10, TimeUnit.SECONDS)
                            .isActive())
                    .isTrue();
            assertThat(pool.submit(() -> app.accounts.reset().execute(as(admin), forgot.username()))
                            .get(10, TimeUnit.SECONDS)
                            .account()
                            .id())
                    .isEqualTo(forgot.id());
            assertThat(pool.submit(() -> app.accounts
                                    .add()
                                    .execute(
                                            as(admin),
                                            null,
                                            Forms.newUser(
                                                    "Ida", "Added", "addedi1", RoleAssignment.of(Role.TYPICAL_USER))))
                            .get(10, TimeUnit.SECONDS)
                            .account()
                            .organizationId())
                    .isEqualTo(site.id());

            Future<Account> inactivation = pool.submit(() -> app.accounts
                    .inactivate()
                    .execute(as(admin), leaving.username(), InactivationReason.MISUSING_MIIC, null, null));
            awaitOneWaitingForALock();
            assertThat(inactivation).isNotDone();
            release.countDown();
            assertThat(inactivation.get(10, TimeUnit.SECONDS).isActive()).isFalse();
        } finally {
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
        }
    }

    /** Until a session of the test's database waits for a row lock (10 s at most). */
    private void awaitOneWaitingForALock() throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            int waiting = app.dsl
                    .fetchOne("select count(*) from pg_stat_activity"
                            + " where datname = current_database() and wait_event_type = 'Lock'")
                    .get(0, Integer.class);
            if (waiting > 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no change waited for the location's lock");
    }
}
