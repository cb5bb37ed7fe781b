package mn.miic.helpdesk.db;

import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The schema from {@code db/migration} (packed into the jar), the single source of truth for it, applied by the owner
 * role; after every migrate, {@code db/callbacks} grants the bot's runtime role what it needs and no more.
 */
public final class Migrations {

    private final Flyway flyway;

    /**
     * @param owner connections as the role that owns the schema (the migration role)
     * @param runtimeRole the role the bot serves as; the same as the owner's when only one role is given
     */
    public Migrations(DataSource owner, String runtimeRole) {
        this.flyway = Flyway.configure()
                .dataSource(owner)
                .locations("classpath:db/migration", "classpath:db/callbacks")
                .placeholders(Map.of("runtime_role", runtimeRole))
                .failOnMissingLocations(true)
                .load();
    }

    /** For asking whether the schema is up to date (readiness), as any role that may read the history. */
    public static Migrations checking(DataSource dataSource) {
        return new Migrations(dataSource, "");
    }

    /** Applies what is pending and the runtime role's grants; returns how many migrations ran. */
    public int migrate() {
        return flyway.migrate().migrationsExecuted;
    }

    /** True when every migration this build knows has been applied. */
    public boolean isUpToDate() {
        return flyway.info().pending().length == 0;
    }
}
