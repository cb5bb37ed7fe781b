package mn.miic.helpdesk.db;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The schema from {@code db/migration} (packed into the jar), the single source of truth for it. */
public final class Migrations {

    private final Flyway flyway;

    public Migrations(DataSource dataSource) {
        this.flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load();
    }

    /** Applies what is pending; returns how many migrations ran. */
    public int migrate() {
        return flyway.migrate().migrationsExecuted;
    }

    /** True when every migration this build knows has been applied. */
    public boolean isUpToDate() {
        return flyway.info().pending().length == 0;
    }
}
