package mn.miic.helpdesk.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The agreement's calendar: when it lapses, and which reminder a day owes. */
class DuaTermTest {

    private static final LocalDate LAPSES = LocalDate.of(2030, 7, 1);
    private static final DuaTerm TERM = new DuaTerm(LocalDate.of(2027, 7, 1), Period.ofYears(3));

    @ParameterizedTest(name = "{0} days before the lapse: reminder {1}")
    @CsvSource({
        "400, -1", "91, -1", "90, 90", "89, 90", "31, 90", "30, 30", "8, 30", "7, 7", "1, 7", "0, 0", "-7, 0", "-8, -1"
    })
    void theNearestMilestoneReachedIsDue(int daysBefore, int due) {
        OptionalInt reminder = TERM.reminderDue(LAPSES.minusDays(daysBefore));

        assertThat(reminder.isPresent() ? reminder.getAsInt() : -1).isEqualTo(due);
    }

    @Test
    void itLapsesOnTheDayItsTermEndsAndNotBefore() {
        assertThat(TERM.lapsesOn()).isEqualTo(LAPSES);
        assertThat(TERM.lapsed(LAPSES.minusDays(1))).isFalse();
        assertThat(TERM.lapsed(LAPSES)).isTrue();
        assertThat(TERM.daysLeft(LAPSES.minusDays(45))).isEqualTo(45);
        assertThat(TERM.daysLeft(LAPSES.plusDays(3))).isEqualTo(-3);
    }

    @Test
    void theCandidateWindowHoldsEveryAgreementWithAReminderDue() {
        LocalDate today = LocalDate.of(2028, 2, 29);
        Period three = Period.ofYears(3);
        LocalDate oldest = DuaTerm.oldestWithReminderDue(today, three);
        LocalDate newest = DuaTerm.newestWithReminderDue(today, three);
        for (LocalDate signed = oldest.minusDays(30);
                signed.isBefore(newest.plusDays(30));
                signed = signed.plusDays(1)) {
            if (new DuaTerm(signed, three).reminderDue(today).isPresent()) {
                assertThat(signed).isBetween(oldest, newest);
            }
        }
    }
}
