package mn.miic.helpdesk.db;

import static mn.miic.helpdesk.db.jooq.Tables.ONCE_KEY;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;

/**
 * Claims of things that must happen once across every bot instance sharing the database. A claim made inside a
 * transaction is released if that transaction rolls back, so only what really happened counts as done; a second
 * claim of a key another transaction holds waits for that one to finish.
 */
public final class OnceKeys {

    private final DSLContext dsl;

    public OnceKeys(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** True the first time a key is claimed, false ever after. */
    public boolean claim(String key) {
        return dsl.insertInto(ONCE_KEY)
                        .set(ONCE_KEY.KEY, key)
                        .set(ONCE_KEY.CREATED_AT, Now.of(dsl))
                        .onConflictDoNothing()
                        .execute()
                == 1;
    }

    /** Forgets claims older than the given instant: Slack stops retrying within minutes. */
    public int forgetBefore(Instant before) {
        return dsl.deleteFrom(ONCE_KEY)
                .where(ONCE_KEY.CREATED_AT.lt(OffsetDateTime.ofInstant(before, ZoneOffset.UTC)))
                .execute();
    }
}
