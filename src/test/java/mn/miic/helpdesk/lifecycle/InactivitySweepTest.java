package mn.miic.helpdesk.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.AccountStatus;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.identity.SlackLinks;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationKind;
import mn.miic.helpdesk.requests.Approver;
import mn.miic.helpdesk.support.TestApp;
import org.junit.jupiter.api.Test;

/** The 90-day rule against PostgreSQL, with the time injected through a clock. */
class InactivitySweepTest {

    private static final Duration PERIOD = Duration.ofDays(90);

    private final TestApp app = new TestApp();
    private final Instant now = app.clock.instant();
    private final Recorded told = new Recorded();

    private InactivitySweep sweep() {
        return new InactivitySweep(app.dsl, app.clock, PERIOD);
    }

    @Test
    void accountsAt90And91DaysExpireAndAt89DaysDoNot() {
        Organization clinic = app.fixtures.org("SWP1", OrganizationKind.CLINIC);
        Account day89 = app.fixtures
                .account(clinic)
                .lastSignIn(now.minus(Duration.ofDays(89)))
                .create();
        Account day90 = app.fixtures
                .account(clinic)
                .lastSignIn(now.minus(Duration.ofDays(90)))
                .create();
        Account day91 = app.fixtures
                .account(clinic)
                .lastSignIn(now.minus(Duration.ofDays(91)))
                .create();

        InactivitySweep.Report report = sweep().run(told);

        assertThat(app.reload(day89).status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(app.reload(day90).status()).isEqualTo(AccountStatus.INACTIVE_EXPIRED);
        assertThat(app.reload(day91).status()).isEqualTo(AccountStatus.INACTIVE_EXPIRED);
        assertThat(report.expired()).isEqualTo(2);
        assertThat(app.auditOf(day90)).anyMatch(e -> e.action() == AuditAction.EXPIRE_INACTIVE);
        assertThat(app.auditOf(day89)).noneMatch(e -> e.action() == AuditAction.EXPIRE_INACTIVE);
        assertThat(told.expired).extracting(Account::id).containsExactlyInAnyOrder(day90.id(), day91.id());

        assertThat(sweep().run(told).expired()).as("a second run finds nothing").isZero();
    }

    @Test
    void aReactivationRestartsTheClock() {
        Organization clinic = app.fixtures.org("SWP2", OrganizationKind.CLINIC);
        Account admin = app.fixtures.account(clinic).role(Role.ADMINISTRATOR).create();
        Account back = app.fixtures
                .account(clinic)
                .status(AccountStatus.INACTIVE_EXPIRED)
                .lastSignIn(now.minus(Duration.ofDays(200)))
                .create();
        app.accounts.reactivate().execute(TestApp.as(admin), back.username());
        sweep().run(told);
        assertThat(app.reload(back).status()).isEqualTo(AccountStatus.ACTIVE);
    }

    @Test
    void siteAdministratorsAreToldAndALocationThatLostItsLastAdministratorIsReported() {
        Organization clinic = app.fixtures.org("SWP3", OrganizationKind.CLINIC);
        Organization busy = app.fixtures.org("SWP4", OrganizationKind.CLINIC);
        Account lastAdmin = app.fixtures
                .account(clinic)
                .role(Role.ADMINISTRATOR)
                .lastSignIn(now.minus(Duration.ofDays(120)))
                .create();
        Account staff = app.fixtures
                .account(busy)
                .lastSignIn(now.minus(Duration.ofDays(95)))
                .create();
        Account busyAdmin = app.fixtures
                .account(busy)
                .role(Role.ADMINISTRATOR)
                .lastSignIn(now.minus(Duration.ofDays(1)))
                .create();
        new SlackLinks(app.dsl).link("U0BUSYADMIN", busyAdmin.id(), null);

        InactivitySweep.Report report = sweep().run(told);

        assertThat(report.withoutAdministrator()).extracting(Organization::code).containsExactly("SWP3");
        assertThat(told.lastAdministratorGone).containsExactly("SWP3:" + lastAdmin.username());
        assertThat(told.administratorsOf).contains("SWP4:U0BUSYADMIN");
        assertThat(app.reload(staff).status()).isEqualTo(AccountStatus.INACTIVE_EXPIRED);
    }

    @Test
    void warningsGoFourteenAndThreeDaysBeforeAndEachOnce() {
        Organization clinic = app.fixtures.org("SWP5", OrganizationKind.CLINIC);
        Account in10 = app.fixtures
                .account(clinic)
                .lastSignIn(now.minus(Duration.ofDays(80)))
                .create();
        Account in2 = app.fixtures
                .account(clinic)
                .lastSignIn(now.minus(Duration.ofDays(88)))
                .create();
        Account in20 = app.fixtures
                .account(clinic)
                .lastSignIn(now.minus(Duration.ofDays(70)))
                .create();

        InactivitySweep.Report first = sweep().run(told);
        assertThat(told.warnings).containsExactlyInAnyOrder(in10.username() + ":14", in2.username() + ":3");
        assertThat(first.warned()).isEqualTo(2);
        assertThat(told.warnings).noneMatch(w -> w.startsWith(in20.username()));

        assertThat(sweep().run(told).warned()).as("not again").isZero();

        app.time.advance(Duration.ofDays(8)); // in10 is now 2 days from expiry
        sweep().run(told);
        assertThat(told.warnings).contains(in10.username() + ":3");
        app.time.advance(Duration.ofDays(-8));
    }

    @Test
    void twoSweepsAtOnceExpireEachAccountOnce() throws Exception {
        Organization clinic = app.fixtures.org("SWP6", OrganizationKind.CLINIC);
        for (int i = 0; i < 40; i++) {
            app.fixtures
                    .account(clinic)
                    .lastSignIn(now.minus(Duration.ofDays(100)))
                    .create();
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService two = Executors.newFixedThreadPool(2);
        List<Future<InactivitySweep.Report>> runs = List.of(
                two.submit(() -> {
                    go.await();
                    return sweep().run(new Recorded());
                }),
                two.submit(() -> {
                    go.await();
                    return sweep().run(new Recorded());
                }));
        go.countDown();
        two.shutdown();
        assertThat(two.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        int total = runs.get(0).get().expired() + runs.get(1).get().expired();
        assertThat(total).isEqualTo(40);
        int auditRows = app.dsl.fetchCount(
                mn.miic.helpdesk.db.jooq.Tables.AUDIT_EVENT,
                mn.miic.helpdesk.db.jooq.Tables.AUDIT_EVENT.ACTION.eq(AuditAction.EXPIRE_INACTIVE.name()));
        assertThat(auditRows).as("one audit row per expired account").isEqualTo(total);
    }

    /** What the sweep would have told people. */
    static final class Recorded implements InactivitySweep.Notices {
        final List<Account> expired = new CopyOnWriteArrayList<>();
        final List<String> administratorsOf = new CopyOnWriteArrayList<>();
        final List<String> warnings = new CopyOnWriteArrayList<>();
        final List<String> lastAdministratorGone = new CopyOnWriteArrayList<>();

        @Override
        public void expired(Organization organization, List<Account> accounts, List<Approver> administrators) {
            expired.addAll(accounts);
            administrators.forEach(a -> administratorsOf.add(organization.code() + ":" + a.slackUserId()));
        }

        @Override
        public void warned(Account account, Instant expiresAt, int daysBefore) {
            warnings.add(account.username() + ":" + daysBefore);
        }

        @Override
        public void lastAdministratorGone(Organization organization, List<Account> expiredAdministrators) {
            expiredAdministrators.forEach(a -> lastAdministratorGone.add(organization.code() + ":" + a.username()));
        }
    }
}
