package mn.miic.helpdesk.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import mn.miic.helpdesk.support.MutableClock;
import mn.miic.helpdesk.support.TestDatabase;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

class DatabaseClockTest {

    @Test
    void followsTheDatabaseAndAsksItAgainOnlyEveryMinute() {
        MutableClock here = MutableClock.standard();
        AtomicInteger asked = new AtomicInteger();
        Duration databaseAhead = Duration.ofMinutes(7);
        DatabaseClock clock = new DatabaseClock(
                () -> {
                    asked.incrementAndGet();
                    return here.instant().plus(databaseAhead);
                },
                here);

        assertThat(clock.instant()).isEqualTo(here.instant().plus(databaseAhead));
        here.advance(Duration.ofSeconds(30));
        assertThat(clock.instant()).isEqualTo(here.instant().plus(databaseAhead));
        assertThat(asked).hasValue(1);
        here.advance(Duration.ofSeconds(31));
        clock.instant();
        assertThat(asked).hasValue(2);
    }

    @Test
    void keepsTheLastOffsetWhenTheDatabaseCannotBeAsked() {
        MutableClock here = MutableClock.standard();
        AtomicInteger calls = new AtomicInteger();
        DatabaseClock clock = new DatabaseClock(
                () -> {
                    if (calls.incrementAndGet() > 1) {
                        throw new IllegalStateException("database down");
                    }
                    return here.instant().plus(Duration.ofSeconds(5));
                },
                here);
        clock.instant();
        here.advance(Duration.ofMinutes(2));
        assertThat(clock.instant()).isEqualTo(here.instant().plus(Duration.ofSeconds(5)));
    }

    @Test
    void readsARealPostgreSql() {
        DatabaseClock clock = new DatabaseClock(DSL.using(TestDatabase.fresh(), SQLDialect.POSTGRES));
        Instant now = Instant.now();
        assertThat(Duration.between(now, clock.instant()).abs()).isLessThan(Duration.ofSeconds(5));
    }
}
