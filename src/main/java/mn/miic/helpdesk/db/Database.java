package mn.miic.helpdesk.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import mn.miic.helpdesk.config.DatabaseUrl;

/**
 * The pooled connection to PostgreSQL: a server named by DATABASE_URL, or an embedded one that keeps its data. Two
 * roles where it can: migrations run as the owner of the schema, and the bot serves as a runtime role that may change
 * rows but not the schema, nor rewrite the audit log.
 */
public final class Database implements AutoCloseable {

    /** The roles the embedded default creates for itself: the schema's owner, and the one the bot serves as. */
    public static final String EMBEDDED_OWNER = "miic_owner";

    public static final String EMBEDDED_RUNTIME = "miic_bot";

    private final HikariDataSource dataSource;
    private final DataSource migrationDataSource;
    private final EmbeddedPostgres embedded;
    private final String description;

    private Database(
            HikariDataSource dataSource,
            DataSource migrationDataSource,
            EmbeddedPostgres embedded,
            String description) {
        this.dataSource = dataSource;
        this.migrationDataSource = migrationDataSource;
        this.embedded = embedded;
        this.description = description;
    }

    /** @param migration the owner role's credentials on the same server, or null: the runtime role migrates itself */
    public static Database connect(DatabaseUrl url, DatabaseUrl migration) {
        HikariDataSource pool = pool(url.jdbcUrl(), url.user(), url.password());
        return new Database(
                pool,
                migration == null ? pool : simple(migration.jdbcUrl(), migration.user(), migration.password()),
                null,
                "PostgreSQL at " + url.forLog() + (url.user() == null ? "" : " as " + url.user()));
    }

    public static Database connect(DatabaseUrl url) {
        return connect(url, null);
    }

    /**
     * Starts (or restarts on its kept data) a real PostgreSQL server from the bundled binaries. When a bot already runs
     * one on this folder, this connects to that server instead, so {@code import} works while the bot runs. Either
     * way the two roles are made (and a schema an older version made as the superuser handed to the owner).
     */
    public static Database embedded(Path dataDirectory) {
        Optional<Integer> running = runningPort(dataDirectory);
        if (running.isPresent()) {
            String url = "jdbc:postgresql://localhost:" + running.get() + "/postgres";
            return embeddedRoles(
                    url,
                    null,
                    "embedded PostgreSQL already running on port " + running.get() + ", data in "
                            + dataDirectory.toAbsolutePath());
        }
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .start();
            return embeddedRoles(
                    postgres.getJdbcUrl("postgres", "postgres").replaceFirst("\\?.*$", ""),
                    postgres,
                    "embedded PostgreSQL, data kept in " + dataDirectory.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    private static Database embeddedRoles(String url, EmbeddedPostgres postgres, String description) {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                Statement s = c.createStatement()) {
            s.execute(ROLES_FOR_EMBEDDED);
        } catch (SQLException e) {
            throw new IllegalStateException("could not set up the embedded PostgreSQL's roles: " + e.getMessage(), e);
        }
        return new Database(
                pool(url, EMBEDDED_RUNTIME, null),
                simple(url, EMBEDDED_OWNER, null),
                postgres,
                description + ", serving as " + EMBEDDED_RUNTIME);
    }

    /**
     * Idempotent: the roles, the owner's right to create in public and extensions in the database, and what the
     * superuser owned given to it (but an extension's functions).
     */
    private static final String ROLES_FOR_EMBEDDED =
            """
            do $roles$
            declare
                t record;
            begin
                if not exists (select from pg_roles where rolname = 'miic_owner') then
                    create role miic_owner login;
                end if;
                if not exists (select from pg_roles where rolname = 'miic_bot') then
                    create role miic_bot login;
                end if;
                grant all on schema public to miic_owner;
                -- The owner creates the schema's trusted extensions (pg_trgm) itself, in its migrations.
                execute format('grant create on database %I to miic_owner', current_database());
                for t in select tablename from pg_tables where schemaname = 'public' and tableowner <> 'miic_owner'
                loop
                    execute format('alter table public.%I owner to miic_owner', t.tablename);
                end loop;
                for t in select p.oid::regprocedure as f from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                        where n.nspname = 'public' and pg_get_userbyid(p.proowner) <> 'miic_owner'
                        -- An extension's own functions stay its own.
                        and not exists (select from pg_depend d where d.classid = 'pg_proc'::regclass
                                and d.objid = p.oid and d.deptype = 'e')
                loop
                    execute format('alter function %s owner to miic_owner', t.f);
                end loop;
            end
            $roles$
            """;

    /** The port in the folder's postmaster.pid (its fourth line), if a server there answers on it. */
    private static Optional<Integer> runningPort(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile);
            int port = Integer.parseInt(lines.get(3).trim());
            try (Connection ignored =
                    DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "")) {
                return Optional.of(port);
            }
        } catch (IOException | RuntimeException | SQLException e) {
            return Optional.empty();
        }
    }

    private static HikariDataSource pool(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(10);
        config.setPoolName("miic");
        // Short, so that a database outage is known, and said, within Slack's 3 seconds.
        config.setConnectionTimeout(2_000);
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Connections as the schema's owner, for the migrations only. */
    public DataSource migrationDataSource() {
        return migrationDataSource;
    }

    /** The role the bot serves as, as the server names it. */
    public String runtimeRole() {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                var rs = s.executeQuery("select current_user")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("the database did not answer: " + e.getMessage(), e);
        }
    }

    /** True when the migrations run as the runtime role itself: then it owns the schema, the audit log included. */
    public boolean oneRoleForBoth() {
        return migrationDataSource == dataSource;
    }

    private static DataSource simple(String jdbcUrl, String user, String password) {
        org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
        ds.setURL(jdbcUrl);
        ds.setUser(user);
        if (password != null) {
            ds.setPassword(password);
        }
        return ds;
    }

    public String description() {
        return description;
    }

    @Override
    public void close() {
        dataSource.close();
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
