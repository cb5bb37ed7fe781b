package mn.miic.helpdesk.lifecycle;

import static mn.miic.helpdesk.db.jooq.Tables.OUTBOX_MESSAGE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.AccountStatus;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationKind;
import mn.miic.helpdesk.outbox.Owed;
import mn.miic.helpdesk.support.TestApp;
import org.junit.jupiter.api.Test;

/** The 90-day rule against PostgreSQL, with the time injected through a clock. */
class InactivitySweepTest {

    private static final Duration PERIOD = Duration.ofDays(90);

    private final TestApp app = new TestApp();
    private final Instant now = app.clock.instant();

    private InactivitySweep sweep() {
        return new InactivitySweep(app.dsl, app.application.outbox(), app.clock, PERIOD);
    }

    /** What the sweep owes people so far, oldest first: what they will be told. */
    private List<Owed> told() {
        return app
                .dsl
                .select(OUTBOX_MESSAGE.ID)
                .from(OUTBOX_MESSAGE)
                .orderBy(OUTBOX_MESSAGE.ID)
                .fetch(OUTBOX_MESSAGE.ID)
                .stream()
                .map(id -> app.application.outbox().find(id).orElseThrow().owed())
                .toList();
    }

    private <T extends Owed> List<T> told(Class<T> kind) {
        return told().stream().filter(kind::isInstance).map(kind::cast).toList();
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

        InactivitySweep.Report report = sweep().run();

        assertThat(app.reload(day89).status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(app.reload(day90).status()).isEqualTo(AccountStatus.INACTIVE_EXPIRED);
        assertThat(app.reload(day91).status()).isEqualTo(AccountStatus.INACTIVE_EXPIRED);
        assertThat(report.expired()).isEqualTo(2);
        assertThat(app.auditOf(day90)).anyMatch(e -> e.action() == AuditAction.EXPIRE_INACTIVE);
        assertThat(app.auditOf(day89)).noneMatch(e -> e.action() == AuditAction.EXPIRE_INACTIVE);
        assertThat(told(Owed.AccountExpired.class))
                .extracting(Owed.AccountExpired::accountId)
                .containsExactlyInAnyOrder(day90.id(), day91.id());

        assertThat(sweep().run().expired()).as("a second run finds nothing").isZero();
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
        sweep().run();
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
        // Not linked to Slack: the report is owed all the same, and the courier looks for them when it goes.

        InactivitySweep.Report report = sweep().run();

        assertThat(report.withoutAdministrator()).extracting(Organization::code).containsExactly("SWP3");
        assertThat(told(Owed.LastAdministratorGone.class))
                .containsExactly(new Owed.LastAdministratorGone(clinic.id(), List.of(lastAdmin.id()), null));
        assertThat(told(Owed.ExpiredAccountsReport.class))
                .containsExactly(new Owed.ExpiredAccountsReport(busy.id(), busyAdmin.id(), List.of(staff.id())));
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

        InactivitySweep.Report first = sweep().run();
        assertThat(told(Owed.ExpiryWarning.class))
                .containsExactlyInAnyOrder(
                        new Owed.ExpiryWarning(in10.id(), in10.lastSignInAt().plus(PERIOD)),
                        new Owed.ExpiryWarning(in2.id(), in2.lastSignInAt().plus(PERIOD)));
        assertThat(first.warned()).isEqualTo(2);
        assertThat(told(Owed.ExpiryWarning.class)).noneMatch(w -> w.accountId() == in20.id());

        assertThat(sweep().run().warned()).as("not again").isZero();

        app.time.advance(Duration.ofDays(8)); // in10 is now 2 days from expiry: its 3-day warning
        sweep().run();
        assertThat(told(Owed.ExpiryWarning.class))
                .filteredOn(w -> w.accountId() == in10.id())
                .hasSize(2);
        app.time.advance(Duration.ofDays(-8));
    }

    @Test
    void warningsPastOneBatchGoToEachAccountOnceAlsoWhenManyWereLastUsedAtTheSameInstant() {
        Organization clinic = app.fixtures.org("SWP7", OrganizationKind.CLINIC);
        // In the 14-day band, in order of last use: more accounts signed in at one instant than a batch holds (so
        // the second batch starts among them), then more than a batch more, a second apart.
        int together = InactivitySweep.BATCH + 200;
        int apart = InactivitySweep.BATCH + 300;
        OffsetDateTime same = OffsetDateTime.ofInstant(now.minus(Duration.ofDays(80)), ZoneOffset.UTC);
        app.dsl.execute(
                "insert into account (organization_id, username, first_name, last_name, role, status, created_at,"
                        + " updated_at, last_sign_in_at) select ?, 'warn' || g, 'Pat', 'Doe' || g, 'TYPICAL_USER',"
                        + " 'ACTIVE', ?::timestamptz, ?::timestamptz, case when g <= ? then ?::timestamptz else ?::timestamptz + g * interval '1 second' end"
                        + " from generate_series(1, ?) g",
                clinic.id(),
                same.minusDays(100),
                same.minusDays(100),
                together,
                same,
                same,
                together + apart);

        InactivitySweep.Report report = sweep().run();

        assertThat(report.warned()).isEqualTo(together + apart);
        var owed = app.dsl.fetchSingle("select count(*), count(distinct payload ->> 'accountId') from outbox_message"
                + " where kind = 'ExpiryWarning'");
        assertThat(owed.get(0, Integer.class)).as("warnings owed").isEqualTo(together + apart);
        assertThat(owed.get(1, Integer.class)).as("accounts warned").isEqualTo(together + apart);
        assertThat(app.dsl.fetchCount(
                        mn.miic.helpdesk.db.jooq.Tables.AUDIT_EVENT,
                        mn.miic.helpdesk.db.jooq.Tables.AUDIT_EVENT.ACTION.eq(AuditAction.INACTIVITY_WARNING.name())))
                .as("one audit row per warning")
                .isEqualTo(together + apart);
        assertThat(sweep().run().warned()).as("not again").isZero();
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
                    return sweep().run();
                }),
                two.submit(() -> {
                    go.await();
                    return sweep().run();
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
}
