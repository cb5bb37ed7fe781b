package mn.miic.helpdesk.compliance;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.OptionalInt;

/**
 * An organization's Data Use Agreement as time runs: signed on a date, valid for a period (three years at MIIC), lapsed
 * from the day that period ends. Reminders go 90, 30 and 7 days before that day and on it.
 */
public record DuaTerm(LocalDate signedOn, Period validFor) {

    /** Days before the lapse at which administrators are reminded, farthest first. */
    public static final List<Integer> REMINDER_DAYS = List.of(90, 30, 7, 0);

    /**
     * How long after the lapse the day-of reminder may still go: a bot down over the day still tells, but a bot started
     * on an old registry does not tell of agreements that lapsed long ago.
     */
    public static final int LAPSED_REMINDER_LOOKBACK_DAYS = 7;

    public DuaTerm {
        if (signedOn == null || validFor == null) {
            throw new IllegalArgumentException("a DUA term needs its date and its validity");
        }
    }

    /** The first day the agreement no longer covers: no user can be added from then on. */
    public LocalDate lapsesOn() {
        return signedOn.plus(validFor);
    }

    public boolean lapsed(LocalDate today) {
        return !lapsesOn().isAfter(today);
    }

    /** Days until it lapses; 0 on the day, negative once lapsed. */
    public long daysLeft(LocalDate today) {
        return ChronoUnit.DAYS.between(today, lapsesOn());
    }

    /**
     * The reminder due today, if any: the nearest milestone reached. A bot that missed a milestone (it was down, or the
     * DUA was recorded late) sends the nearest one reached, not every one it missed.
     */
    public OptionalInt reminderDue(LocalDate today) {
        long left = daysLeft(today);
        if (left < -LAPSED_REMINDER_LOOKBACK_DAYS) {
            return OptionalInt.empty();
        }
        int due = -1;
        for (int days : REMINDER_DAYS) {
            if (left <= days) {
                due = days;
            }
        }
        return due < 0 ? OptionalInt.empty() : OptionalInt.of(due);
    }

    /** The oldest signing date whose agreement could have a reminder due today (for the query that finds them). */
    public static LocalDate oldestWithReminderDue(LocalDate today, Period validFor) {
        // A month or two of slack for Period arithmetic on month ends; each candidate is checked exactly.
        return today.minusDays(LAPSED_REMINDER_LOOKBACK_DAYS + 2).minus(validFor);
    }

    /** The newest signing date whose agreement could have a reminder due today. */
    public static LocalDate newestWithReminderDue(LocalDate today, Period validFor) {
        return today.plusDays(REMINDER_DAYS.get(0) + 2).minus(validFor);
    }
}
