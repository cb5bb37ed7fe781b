package mn.miic.helpdesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import mn.miic.helpdesk.db.DatabaseClock;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * One clock: the bot takes "now" from the application's clock only. Reading this machine's clock, or the database's
 * {@code current_timestamp}, anywhere else is how a test's moved clock and the code came to disagree (the once-key
 * test that turned red as the calendar moved on), so such a call fails the build here.
 */
class OneClockTest {

    private static final JavaClasses BOT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("mn.miic.helpdesk");

    @Test
    void nothing_but_main_and_the_database_clock_reads_this_machines_clock() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName(Main.class.getName())
                .and()
                .doNotHaveFullyQualifiedName(DatabaseClock.class.getName())
                .should()
                .callMethod(Clock.class, "systemUTC")
                .orShould()
                .callMethod(Clock.class, "systemDefaultZone")
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .orShould()
                .callMethod(Instant.class, "now")
                .orShould()
                .callMethod(LocalDate.class, "now")
                .orShould()
                .callMethod(LocalDateTime.class, "now")
                .orShould()
                .callMethod(OffsetDateTime.class, "now")
                .orShould()
                .callMethod(ZonedDateTime.class, "now")
                .because("\"now\" comes from the application's clock, which tests move")
                .check(BOT);
    }

    @Test
    void no_sql_asks_the_database_for_its_time_but_the_database_clock() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName(DatabaseClock.class.getName())
                .should()
                .callMethod(DSL.class, "currentOffsetDateTime")
                .orShould()
                .callMethod(DSL.class, "currentTimestamp")
                .orShould()
                .callMethod(DSL.class, "currentLocalDateTime")
                .orShould()
                .callMethod(DSL.class, "currentDate")
                .orShould()
                .callMethod(DSL.class, "currentLocalDate")
                .orShould()
                .callMethod(DSL.class, "now")
                .because("rows are stamped with the application's clock (db.Now), so they agree with the use cases")
                .check(BOT);
    }
}
