package mn.miic.helpdesk.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import mn.miic.helpdesk.support.MovableClock;
import mn.miic.helpdesk.support.TestDatabase;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

class DatabaseClockTest {

    private static final Instant START = Instant.parse("2031-03-09T07:59:30Z");

    @Test
    void follows_the_database_and_asks_it_again_only_every_minute() {
        MovableClock machine = MovableClock.at(START);
        AtomicInteger asked = new AtomicInteger();
        Duration databaseAhead = Duration.ofMinutes(7);
        DatabaseClock clock = new DatabaseClock(
                () -> {
                    asked.incrementAndGet();
                    return machine.instant().plus(databaseAhead);
                },
                machine,
                machine);

        assertThat(clock.instant()).isEqualTo(machine.instant().plus(databaseAhead));
        machine.advance(Duration.ofSeconds(30));
        assertThat(clock.instant()).isEqualTo(machine.instant().plus(databaseAhead));
        assertThat(asked).hasValue(1);
        machine.advance(Duration.ofSeconds(31));
        clock.instant();
        assertThat(asked).hasValue(2);
    }

    @Test
    void keeps_the_last_offset_when_the_database_cannot_be_asked() {
        MovableClock machine = MovableClock.at(START);
        AtomicInteger calls = new AtomicInteger();
        DatabaseClock clock = new DatabaseClock(
                () -> {
                    if (calls.incrementAndGet() > 1) {
                        throw new IllegalStateException("database down");
                    }
                    return machine.instant().plus(Duration.ofSeconds(5));
                },
                machine,
                machine);
        clock.instant();
        machine.advance(Duration.ofMinutes(2));
        assertThat(clock.instant()).isEqualTo(machine.instant().plus(Duration.ofSeconds(5)));
    }

    @Test
    void a_moved_base_moves_the_clock_and_the_database_offset_still_applies() {
        MovableClock machine = MovableClock.at(START);
        MovableClock base = MovableClock.at(START);
        DatabaseClock clock = new DatabaseClock(() -> machine.instant().plus(Duration.ofSeconds(3)), machine, base);

        base.advance(Duration.ofDays(40));
        machine.advance(Duration.ofMinutes(5)); // measured again: the offset is to this machine, not to the base

        assertThat(clock.instant()).isEqualTo(base.instant().plus(Duration.ofSeconds(3)));
    }

    @Test
    void an_offset_within_the_round_trip_is_no_offset() {
        MovableClock machine = MovableClock.at(START);
        DatabaseClock clock = new DatabaseClock(
                () -> {
                    // The database answers 40 ms later and read its clock 10 ms before the answer.
                    machine.advance(Duration.ofMillis(30));
                    Instant there = machine.instant();
                    machine.advance(Duration.ofMillis(10));
                    return there;
                },
                machine,
                machine);

        assertThat(clock.offset()).isZero();
    }

    /** The production incident: Add User's form asked today's date in Minnesota of this clock, and it threw. */
    @Test
    void tells_the_date_in_minnesota_through_with_zone_as_every_clock_must() {
        MovableClock machine = MovableClock.at(Instant.parse("2031-03-10T03:30:00Z"));
        DatabaseClock clock = new DatabaseClock(machine::instant, machine, machine);
        ZoneId minnesota = ZoneId.of("America/Chicago");

        Clock inMinnesota = clock.withZone(minnesota);

        assertThat(inMinnesota.getZone()).isEqualTo(minnesota);
        assertThat(inMinnesota.instant()).isEqualTo(clock.instant());
        assertThat(LocalDate.now(inMinnesota)).isEqualTo(LocalDate.of(2031, 3, 9));
        assertThat(inMinnesota.withZone(clock.getZone()).instant()).isEqualTo(clock.instant());
    }

    @Test
    void reads_a_real_postgresql_on_this_machine_as_no_offset() {
        MovableClock base = MovableClock.at(START);
        DatabaseClock clock = new DatabaseClock(DSL.using(TestDatabase.fresh(), SQLDialect.POSTGRES), base);

        assertThat(clock.offset().abs()).isLessThan(Duration.ofSeconds(1));
        assertThat(Duration.between(base.instant(), clock.instant()).abs()).isLessThan(Duration.ofSeconds(1));
    }
}
