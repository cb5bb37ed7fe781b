package mn.miic.helpdesk.outbox;

import static mn.miic.helpdesk.db.jooq.Tables.OUTBOX_MESSAGE;
import static mn.miic.helpdesk.support.TestApp.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.accounts.password.TemporaryPassword;
import mn.miic.helpdesk.accounts.usecases.IssuedPassword;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationKind;
import mn.miic.helpdesk.support.TestApp;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;

/**
 * The outbox on a real PostgreSQL, with a courier that records what it was given: what a change owes is written with
 * it, each message is delivered once whatever the number of workers, nothing waits on a thread, and every message
 * ends in a known state, a temporary password undone when it could not be delivered in time.
 */
class OutboxWorkerTest {

    private final TestApp app = new TestApp();
    private final Outbox outbox = app.application.outbox();
    private final Organization clinic = app.fixtures.org("OUT1", OrganizationKind.CLINIC);
    private final Account admin =
            app.fixtures.account(clinic).role(Role.ADMINISTRATOR).create();
    private final Recorder courier = new Recorder();

    private OutboxWorker worker() {
        return worker("host-a:8080");
    }

    private OutboxWorker worker(String holder) {
        return new OutboxWorker(
                outbox, courier, app.accounts.undoTemporaryPassword(), app.clock, Runnable::run, holder);
    }

    @Test
    void what_a_change_owes_commits_with_it_and_a_refused_change_owes_nothing() {
        Account locked = app.fixtures.account(clinic).locked().create();
        Account unlocked = app.fixtures.account(clinic).create();

        app.accounts.unlock().execute(as(admin), locked.username());
        assertThatThrownBy(() -> app.accounts.unlock().execute(as(admin), unlocked.username()))
                .isInstanceOf(Refusal.class);

        assertThat(kinds()).containsExactly("ChangeNotice");
        worker().deliverDue();
        assertThat(courier.delivered)
                .extracting(m -> m.owed())
                .containsExactly(new Owed.ChangeNotice(locked.id(), admin.id(), "was unlocked"));
    }

    @Test
    void two_workers_at_once_deliver_each_message_once() throws Exception {
        for (int i = 0; i < 120; i++) {
            long account = admin.id();
            app.dsl.transaction(cfg ->
                    outbox.owe(cfg.dsl(), new Owed.ChangeNotice(account, account + 1, "n"), Outbox.Options.none()));
        }
        courier.behaviour = m -> {
            sleep(2);
            return new Delivery.Delivered("somewhere", null, null);
        };
        OutboxWorker one = worker();
        OutboxWorker two = worker();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        Future<Integer> a = pool.submit(() -> {
            go.await();
            return one.deliverDue();
        });
        Future<Integer> b = pool.submit(() -> {
            go.await();
            return two.deliverDue();
        });
        go.countDown();

        assertThat(a.get() + b.get()).isEqualTo(120);
        assertThat(a.get()).as("both took a share").isPositive();
        assertThat(b.get()).as("both took a share").isPositive();
        assertThat(courier.timesDelivered.values()).hasSize(120).allMatch(n -> n == 1);
        assertThat(statuses()).containsOnlyKeys(OutboxStatus.DELIVERED.name());
        pool.shutdown();
    }

    @Test
    void a_worker_that_died_holding_a_message_lets_go_when_its_lease_runs_out() {
        app.dsl.transaction(
                cfg -> outbox.owe(cfg.dsl(), new Owed.ChangeNotice(admin.id(), 0, "n"), Outbox.Options.none()));
        assertThat(outbox.claimDue(10, "host-b:8080")).hasSize(1); // and then that worker's process is gone

        assertThat(worker().resume())
                .as("another holder's lease is not ours to break")
                .isZero();
        assertThat(worker().deliverDue()).isZero();
        app.time.advance(Outbox.LEASE.plusSeconds(1));

        assertThat(worker().deliverDue()).isOne();
        assertThat(courier.delivered).hasSize(1);
    }

    @Test
    void a_bot_started_again_in_place_of_one_killed_holding_a_message_takes_it_back_at_once() {
        app.dsl.transaction(
                cfg -> outbox.owe(cfg.dsl(), new Owed.ChangeNotice(admin.id(), 0, "n"), Outbox.Options.none()));
        app.dsl.transaction(
                cfg -> outbox.owe(cfg.dsl(), new Owed.ChangeNotice(admin.id(), 1, "m"), Outbox.Options.none()));
        assertThat(outbox.claimDue(1, "host-a:8080")).hasSize(1); // killed while it held the first
        assertThat(outbox.claimDue(1, "host-b:8080")).hasSize(1); // another instance, alive, holds the second

        OutboxWorker again = worker("host-a:8080");
        assertThat(again.resume()).isOne();
        assertThat(again.deliverDue()).as("its own, not the live one's").isOne();
        assertThat(courier.delivered).hasSize(1);
        assertThat(app.dsl.fetchCount(OUTBOX_MESSAGE, OUTBOX_MESSAGE.LEASED_BY.isNotNull()))
                .as("an ended message is held by nobody")
                .isOne();
    }

    @Test
    void slack_saying_later_moves_the_next_attempt_and_holds_no_thread_until_then() {
        app.dsl.transaction(
                cfg -> outbox.owe(cfg.dsl(), new Owed.ChangeNotice(admin.id(), 0, "n"), Outbox.Options.none()));
        AtomicInteger attempts = new AtomicInteger();
        courier.behaviour = m -> attempts.incrementAndGet() == 1
                ? new Delivery.Retry(app.clock.instant().plusSeconds(30), "rate-limited for 30 s")
                : new Delivery.Delivered("somewhere", null, null);

        assertThat(worker().deliverDue()).isZero();
        assertThat(worker().deliverDue()).as("not before its moment").isZero();
        assertThat(attempts).hasValue(1);
        app.time.advance(Duration.ofSeconds(31));

        assertThat(worker().deliverDue()).isOne();
        assertThat(app.dsl.fetchOne(OUTBOX_MESSAGE).getAttempts()).isEqualTo(2);
        assertThat(app.dsl.fetchOne(OUTBOX_MESSAGE).getLastError()).isEqualTo("rate-limited for 30 s");
    }

    @Test
    void the_password_waits_sealed_in_its_row_its_report_after_it_and_both_end_with_it_erased() {
        Account target = app.fixtures.account(clinic).create();
        IssuedPassword reset = app.accounts.reset().execute(as(admin), target.username());

        byte[] sealed = app.dsl
                .fetchOne(OUTBOX_MESSAGE, OUTBOX_MESSAGE.ID.eq(reset.delivery()))
                .getSecret();
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1))
                .doesNotContain(reset.password().reveal());
        assertThat(kinds()).containsExactly("TemporaryPassword", "PasswordReport");
        assertThat(outbox.claim(List.of(reset.delivery() + 1), "host-a:8080"))
                .as("the report waits for the password")
                .isEmpty();

        worker().deliverDue();

        assertThat(courier.secrets).containsExactly(reset.password().reveal());
        assertThat(courier.delivered)
                .extracting(m -> m.owed().getClass().getSimpleName())
                .containsExactly("TemporaryPassword", "PasswordReport");
        assertThat(courier.before.get(reset.delivery() + 1)).isEqualTo(OutboxStatus.DELIVERED);
        assertThat(app.dsl
                        .fetchOne(OUTBOX_MESSAGE, OUTBOX_MESSAGE.ID.eq(reset.delivery()))
                        .getSecret())
                .isNull();
        assertThatThrownBy(() -> app.dsl
                        .update(OUTBOX_MESSAGE)
                        .set(OUTBOX_MESSAGE.SECRET, new byte[] {1})
                        .where(OUTBOX_MESSAGE.ID.eq(reset.delivery()))
                        .execute())
                .as("the database keeps no secret on a message that ended")
                .isInstanceOf(DataAccessException.class);
    }

    @Test
    void a_password_not_delivered_by_its_deadline_is_undone_and_the_report_says_so() {
        Account target =
                app.fixtures.account(clinic).password("Old#Harbor7Quill").create();
        IssuedPassword reset = app.accounts.reset().execute(as(admin), target.username());
        courier.behaviour = m -> m.owed() instanceof Owed.TemporaryPassword
                ? new Delivery.Retry(app.clock.instant().plusSeconds(60), "Slack did not answer")
                : new Delivery.Delivered("to the administrator", null, null);
        worker().deliverDue();
        // A failed sign-in in between bumps the account's version; the undo compares hashes, not versions.
        app.dsl.execute("update account set failed_sign_ins = 1, version = version + 1 where id = ?", target.id());

        app.time.advance(Duration.ofMinutes(6));
        worker().deliverDue();

        assertThat(app.hasher.matches("Old#Harbor7Quill", app.passwordHash(target)))
                .isTrue();
        assertThat(statusOf(reset.delivery())).isEqualTo(OutboxStatus.UNDONE);
        assertThat(courier.before.get(reset.delivery() + 1)).isEqualTo(OutboxStatus.UNDONE);
        assertThat(statusOf(reset.delivery() + 1))
                .as("the report got a deadline of its own")
                .isEqualTo(OutboxStatus.DELIVERED);
        assertThat(app.dsl
                        .fetchOne(OUTBOX_MESSAGE, OUTBOX_MESSAGE.ID.eq(reset.delivery()))
                        .getSecret())
                .isNull();
    }

    @Test
    void slack_refusing_for_good_undoes_the_password_at_once() {
        Account target =
                app.fixtures.account(clinic).password("Old#Harbor7Quill").create();
        IssuedPassword reset = app.accounts.reset().execute(as(admin), target.username());
        courier.behaviour = m -> m.owed() instanceof Owed.TemporaryPassword
                ? new Delivery.Refused("channel_not_found")
                : new Delivery.Delivered("to the administrator", null, null);

        worker().deliverDue();

        assertThat(statusOf(reset.delivery())).isEqualTo(OutboxStatus.UNDONE);
        assertThat(app.hasher.matches("Old#Harbor7Quill", app.passwordHash(target)))
                .isTrue();
    }

    @Test
    void a_courier_that_throws_is_tried_again_later_and_the_message_kept() {
        app.dsl.transaction(
                cfg -> outbox.owe(cfg.dsl(), new Owed.ChangeNotice(admin.id(), 0, "n"), Outbox.Options.none()));
        courier.behaviour = m -> {
            throw new IllegalStateException("a bug");
        };

        assertThat(worker().deliverDue()).isZero();

        assertThat(statuses()).containsOnlyKeys(OutboxStatus.PENDING.name());
        assertThat(app.dsl.fetchOne(OUTBOX_MESSAGE).getLastError()).isEqualTo("IllegalStateException");
        courier.behaviour = m -> new Delivery.Delivered("x", null, null);
        app.time.advance(OutboxWorker.backoff(1).plusSeconds(1));
        assertThat(worker().deliverDue()).isOne();
    }

    // ---- helpers

    private List<String> kinds() {
        return app.dsl
                .select(OUTBOX_MESSAGE.KIND)
                .from(OUTBOX_MESSAGE)
                .orderBy(OUTBOX_MESSAGE.ID)
                .fetch(OUTBOX_MESSAGE.KIND);
    }

    private Map<String, Integer> statuses() {
        return app.dsl
                .select(OUTBOX_MESSAGE.STATUS, org.jooq.impl.DSL.count())
                .from(OUTBOX_MESSAGE)
                .groupBy(OUTBOX_MESSAGE.STATUS)
                .fetchMap(r -> r.value1(), r -> r.value2());
    }

    private OutboxStatus statusOf(long id) {
        return OutboxStatus.valueOf(
                app.dsl.fetchOne(OUTBOX_MESSAGE, OUTBOX_MESSAGE.ID.eq(id)).getStatus());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Takes every message (unless told otherwise) and remembers what it was given. */
    static final class Recorder implements Courier {
        volatile Function<OwedMessage, Delivery> behaviour = m -> new Delivery.Delivered("somewhere", null, null);
        final List<OwedMessage> delivered = new CopyOnWriteArrayList<>();
        final Map<Long, Integer> timesDelivered = new ConcurrentHashMap<>();
        final Map<Long, OutboxStatus> before = new ConcurrentHashMap<>();
        final List<String> secrets = new CopyOnWriteArrayList<>();

        @Override
        public Delivery deliver(
                OwedMessage message, Optional<OwedMessage> predecessor, Supplier<TemporaryPassword> secret) {
            predecessor.ifPresent(p -> before.put(message.id(), p.status()));
            Delivery d = behaviour.apply(message);
            if (d instanceof Delivery.Delivered) {
                if (message.owed() instanceof Owed.TemporaryPassword) {
                    secrets.add(secret.get().reveal());
                }
                delivered.add(message);
                timesDelivered.merge(message.id(), 1, Integer::sum);
            }
            return d;
        }
    }
}
