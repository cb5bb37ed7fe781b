package mn.miic.helpdesk.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import mn.miic.helpdesk.config.DatabaseUrl;
import mn.miic.helpdesk.db.Migrations;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL for the tests: an embedded server started once per JVM, or the server {@code TEST_DATABASE_URL}
 * names. As in production, two roles: the schema is migrated once, as the owner role, into a template database; every
 * {@link #fresh()} call clones it, and the tests (like the bot) connect as the runtime role, which may change rows but
 * not the schema, nor rewrite the audit log. On a server where the given user cannot create roles, both are that user.
 */
public final class TestDatabase {

    public static final String OWNER = "miic_test_owner";
    public static final String RUNTIME = "miic_test_bot";
    private static final String ROLE_PASSWORD = "miic-test-only";

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static TestDatabase instance;

    private final String adminUrl;
    private final String user;
    private final String password;
    private final String template;
    private final String baseUrl;
    private final boolean twoRoles;
    private final java.util.List<String> created = new java.util.concurrent.CopyOnWriteArrayList<>();

    private TestDatabase(String adminUrl, String user, String password) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.baseUrl = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1);
        this.twoRoles = makeRoles();
        this.template =
                "miic_template_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + template + ownedBy());
        created.add(template);
        new Migrations(dataSource(template, ownerUser(), ownerPassword()), runtimeUser()).migrate();
        // On a shared server (TEST_DATABASE_URL) leave nothing behind; the embedded one goes away by itself.
        Runtime.getRuntime().addShutdownHook(new Thread(this::dropAll));
    }

    /** The owner and runtime roles, made (or their passwords set) when the admin user may; false when it may not. */
    private boolean makeRoles() {
        // Roles belong to the whole server: on a shared one, another test JVM (surefire runs two) may be making
        // them at the same moment, and the loser of that race succeeds on a second try.
        for (int attempt = 1; ; attempt++) {
            try {
                for (String role : new String[] {OWNER, RUNTIME}) {
                    execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role + "') THEN"
                            + " CREATE ROLE " + role + " LOGIN PASSWORD '" + ROLE_PASSWORD + "'; ELSE ALTER ROLE "
                            + role + " LOGIN PASSWORD '" + ROLE_PASSWORD + "'; END IF; END $$");
                }
                return true;
            } catch (IllegalStateException e) {
                if (attempt == 3) {
                    return false;
                }
            }
        }
    }

    private String ownedBy() {
        return twoRoles ? " OWNER " + OWNER : "";
    }

    private String ownerUser() {
        return twoRoles ? OWNER : user;
    }

    private String ownerPassword() {
        return twoRoles ? ROLE_PASSWORD : password;
    }

    private String runtimeUser() {
        return twoRoles ? RUNTIME : user;
    }

    private String runtimePassword() {
        return twoRoles ? ROLE_PASSWORD : password;
    }

    private void dropAll() {
        for (String name : created) {
            try {
                execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (RuntimeException e) {
                // best effort at shutdown
            }
        }
    }

    public static synchronized TestDatabase get() {
        if (instance == null) {
            String url = System.getenv("TEST_DATABASE_URL");
            if (url != null && !url.isBlank()) {
                DatabaseUrl parsed = DatabaseUrl.parse(
                        url, System.getenv("TEST_DATABASE_USER"), System.getenv("TEST_DATABASE_PASSWORD"));
                instance = new TestDatabase(parsed.jdbcUrl(), parsed.user(), parsed.password());
            } else {
                try {
                    // Commits wait for the WAL as on a real server (zonky's default is off), so that which
                    // transactions may skip it is tested; fsync stays off, so the wait costs the tests nothing.
                    EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                            .setServerConfig("synchronous_commit", "on")
                            .start();
                    instance = new TestDatabase(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null);
                } catch (IOException e) {
                    throw new UncheckedIOException("could not start the embedded PostgreSQL for the tests", e);
                }
            }
        }
        return instance;
    }

    /** A new, migrated, empty database of its own, connected to as the runtime role (as the bot is). */
    public static DataSource fresh() {
        TestDatabase db = get();
        String name = db.template.replace("template", "t" + COUNTER.incrementAndGet());
        db.execute("CREATE DATABASE " + name + " TEMPLATE " + db.template + db.ownedBy());
        db.created.add(0, name);
        return db.dataSource(name, db.runtimeUser(), db.runtimePassword());
    }

    /** A new, migrated database behind the pool Main makes (HikariCP, ten connections), as the runtime role. */
    public static DataSource pooled() {
        PGSimpleDataSource fresh = (PGSimpleDataSource) fresh();
        return mn.miic.helpdesk.db.Database.connect(
                        new DatabaseUrl(fresh.getURL(), fresh.getUser(), fresh.getPassword()))
                .dataSource();
    }

    /** The same database as the schema's owner: for a test that must change the schema itself (a trigger). */
    public static DataSource asOwner(DataSource runtime) {
        TestDatabase db = get();
        String url = ((PGSimpleDataSource) unwrap(runtime)).getURL();
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        ds.setUser(db.ownerUser());
        if (db.ownerPassword() != null) {
            ds.setPassword(db.ownerPassword());
        }
        return ds;
    }

    private static DataSource unwrap(DataSource ds) {
        return ds instanceof SwitchableDataSource s ? s.target() : ds;
    }

    /** A new database with no schema at all, for readiness checks: as the runtime role. */
    public static DataSource empty() {
        TestDatabase db = get();
        return db.dataSource(db.createEmpty(), db.runtimeUser(), db.runtimePassword());
    }

    /** Migrations of a database made by {@link #empty()}, as the owner role, granting the runtime role. */
    public static Migrations migrationsOf(DataSource empty) {
        TestDatabase db = get();
        return new Migrations(asOwner(empty), db.runtimeUser());
    }

    /** Where a new database with no schema is, as {@code DATABASE_URL} would name it to the jar: the runtime role. */
    public static DatabaseUrl emptyUrl() {
        TestDatabase db = get();
        return new DatabaseUrl(db.baseUrl + db.createEmpty(), db.runtimeUser(), db.runtimePassword());
    }

    /**
     * The settings that name the owner role to the jar ({@code DATABASE_MIGRATION_USER} and its password), or none
     * when the server gave one role for both.
     */
    public static java.util.Map<String, String> migrationSettings() {
        TestDatabase db = get();
        return db.twoRoles
                ? java.util.Map.of("DATABASE_MIGRATION_USER", OWNER, "DATABASE_MIGRATION_PASSWORD", ROLE_PASSWORD)
                : java.util.Map.of();
    }

    /** True when the tests run as a runtime role of their own, apart from the schema's owner. */
    public static boolean twoRoles() {
        return get().twoRoles;
    }

    private String createEmpty() {
        String name = template.replace("template", "e" + COUNTER.incrementAndGet());
        execute("CREATE DATABASE " + name + ownedBy());
        created.add(0, name);
        return name;
    }

    private DataSource dataSource(String database, String user, String password) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(baseUrl + database);
        ds.setUser(user);
        if (password != null) {
            ds.setPassword(password);
        }
        return ds;
    }

    private synchronized void execute(String sql) {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database setup failed: " + sql, e);
        }
    }
}
