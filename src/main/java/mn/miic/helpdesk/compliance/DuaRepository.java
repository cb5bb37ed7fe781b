package mn.miic.helpdesk.compliance;

import static mn.miic.helpdesk.db.jooq.Tables.DUA_REMINDER;
import static mn.miic.helpdesk.db.jooq.Tables.ORGANIZATION;

import java.time.LocalDate;
import java.util.List;
import mn.miic.helpdesk.db.Now;
import org.jooq.DSLContext;

/** The SQL of Data Use Agreements: the agreements near their lapse, the reminders sent, and renewals. */
public final class DuaRepository {

    private final DSLContext dsl;

    public DuaRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The ids of organizations whose DUA is dated within these days, oldest agreement first. */
    public List<Long> signedBetween(LocalDate from, LocalDate to) {
        return dsl.select(ORGANIZATION.ID)
                .from(ORGANIZATION)
                .where(ORGANIZATION.DUA_DATE.between(from, to))
                .orderBy(ORGANIZATION.DUA_DATE, ORGANIZATION.ID)
                .fetch(ORGANIZATION.ID);
    }

    /**
     * Claims one reminder: true the first time for this organization, DUA date and milestone, false ever after. Made in
     * the transaction that audits it and owes its messages, so a rollback releases it, and a second instance's claim
     * waits for the first to finish and then finds it taken.
     */
    public boolean claimReminder(long organizationId, LocalDate duaDate, int daysBefore) {
        return dsl.insertInto(DUA_REMINDER)
                        .set(DUA_REMINDER.ORGANIZATION_ID, organizationId)
                        .set(DUA_REMINDER.DUA_DATE, duaDate)
                        .set(DUA_REMINDER.DAYS_BEFORE, daysBefore)
                        .set(DUA_REMINDER.SENT_AT, Now.of(dsl))
                        .onConflictDoNothing()
                        .execute()
                == 1;
    }

    /** Records a renewed agreement's date. */
    public void renew(long organizationId, LocalDate duaDate) {
        dsl.update(ORGANIZATION)
                .set(ORGANIZATION.DUA_DATE, duaDate)
                .where(ORGANIZATION.ID.eq(organizationId))
                .execute();
    }
}
