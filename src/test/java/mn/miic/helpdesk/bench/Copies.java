package mn.miic.helpdesk.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import mn.miic.helpdesk.config.DatabaseUrl;

/**
 * Databases next to the one a benchmark is given: a seed, and copies of it (PostgreSQL's {@code create database ...
 * template}, a file copy), so that two programs start from the same rows, indexes and statistics.
 */
final class Copies {

    private final DatabaseUrl given;
    private final String base;
    private final List<String> made = new ArrayList<>();

    Copies(DatabaseUrl given) {
        this.given = given;
        String path = given.jdbcUrl().replaceFirst("\\?.*$", "");
        this.base = path.substring(path.lastIndexOf('/') + 1);
    }

    /** An empty database {@code <given>_<suffix>}, dropped first if a run left it. */
    DatabaseUrl fresh(String suffix) throws SQLException {
        return create(suffix, null);
    }

    /** {@code <given>_<suffix>} as a run kept it, or empty if none did; never dropped by {@link #dropAll}. */
    DatabaseUrl kept(String suffix) throws SQLException {
        String name = base + "_" + suffix;
        try (Connection c = maintenance();
                var s = c.createStatement()) {
            var there = s.executeQuery("select 1 from pg_database where datname = '" + name + "'");
            if (!there.next()) {
                s.execute("create database " + name);
            }
        }
        return url(name);
    }

    /** A copy of the seed as it is now (nobody may be connected to the seed). */
    DatabaseUrl copyOfSeed(String suffix) throws SQLException {
        return create(suffix, base + "_seed");
    }

    private DatabaseUrl create(String suffix, String template) throws SQLException {
        String name = base + "_" + suffix;
        try (Connection c = maintenance();
                var s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            // A file copy: the default (WAL_LOG) copies through the shared buffers, and the part being measured
            // would then first write out thousands of the copy's dirty pages to make room.
            s.execute("create database " + name
                    + (template == null ? "" : " template " + template + " strategy = file_copy"));
        }
        made.add(name);
        return url(name);
    }

    private DatabaseUrl url(String name) {
        return new DatabaseUrl(given.jdbcUrl().replace("/" + base, "/" + name), given.user(), given.password());
    }

    /**
     * Drops one copy as soon as its part is measured: autovacuum would otherwise clean up after it (a quarter of a
     * million rows the sweep changed) while the next part runs, on the same two cores.
     */
    void drop(String suffix) throws SQLException {
        String name = base + "_" + suffix;
        drop(List.of(name));
        made.remove(name);
    }

    void dropAll() throws SQLException {
        drop(made);
    }

    private void drop(List<String> names) throws SQLException {
        try (Connection c = maintenance();
                var s = c.createStatement()) {
            for (String name : names) {
                // A copy's pool may still be closing its connections: another role's, which FORCE ends only for a
                // member of pg_signal_backend (dev/benchmark.sh makes "bench" one), so it is tried again.
                for (int attempt = 1; ; attempt++) {
                    try {
                        s.execute("drop database if exists " + name + " with (force)");
                        break;
                    } catch (SQLException e) {
                        if (attempt == 10) {
                            throw e;
                        }
                        sleep();
                    }
                }
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Connection maintenance() throws SQLException {
        return DriverManager.getConnection(given.jdbcUrl(), given.user(), given.password());
    }
}
