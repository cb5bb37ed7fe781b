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

    /**
     * {@link #claim}, in a transaction of its own that does not wait for the disk (Slack's retries of a request). A
     * crash can lose only a claim whose request changed nothing yet: a change commits durably after its claim, and that
     * commit flushes the claim with it. A lost claim lets a retry after the restart run a read again, never a change
     * twice; and every request, a read too, no longer waits for a durable commit before its work starts.
     */
    public boolean claimSoon(String key) {
        return dsl.transactionResult(cfg -> {
            cfg.dsl().execute("set local synchronous_commit = off");
            return new OnceKeys(cfg.dsl()).claim(key);
        });
    }

    /** Forgets claims older than the given instant: Slack stops retrying within minutes. */
    public int forgetBefore(Instant before) {
        return dsl.deleteFrom(ONCE_KEY)
                .where(ONCE_KEY.CREATED_AT.lt(OffsetDateTime.ofInstant(before, ZoneOffset.UTC)))
                .execute();
    }
}
