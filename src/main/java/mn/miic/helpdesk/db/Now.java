package mn.miic.helpdesk.db;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;

/**
 * "Now" for a row being written: the application's clock, which {@code Application} sets on jOOQ's configuration (and
 * every transaction inherits). Never the database's {@code current_timestamp}: a row and the use case that wrote it
 * must agree on the time, also in tests that move the clock.
 */
public final class Now {

    private Now() {}

    public static OffsetDateTime of(DSLContext dsl) {
        return OffsetDateTime.ofInstant(dsl.configuration().clock().instant(), ZoneOffset.UTC);
    }
}
