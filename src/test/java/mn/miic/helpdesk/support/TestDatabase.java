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
 * names. The schema is migrated once into a template database; every {@link #fresh()} call clones it, so tests never
 * share rows (the audit log cannot be cleaned: it is append-only).
 */
public final class TestDatabase {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static TestDatabase instance;

    private final String adminUrl;
    private final String user;
    private final String password;
    private final String template;
    private final String baseUrl;
    private final java.util.List<String> created = new java.util.concurrent.CopyOnWriteArrayList<>();

    private TestDatabase(String adminUrl, String user, String password) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.baseUrl = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1);
        this.template =
                "miic_template_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + template);
        created.add(template);
        new Migrations(dataSource(template)).migrate();
        // On a shared server (TEST_DATABASE_URL) leave nothing behind; the embedded one goes away by itself.
        Runtime.getRuntime().addShutdownHook(new Thread(this::dropAll));
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
                    EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                    instance = new TestDatabase(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null);
                } catch (IOException e) {
                    throw new UncheckedIOException("could not start the embedded PostgreSQL for the tests", e);
                }
            }
        }
        return instance;
    }

    /** A new, migrated, empty database of its own. */
    public static DataSource fresh() {
        TestDatabase db = get();
        String name = db.template.replace("template", "t" + COUNTER.incrementAndGet());
        db.execute("CREATE DATABASE " + name + " TEMPLATE " + db.template);
        db.created.add(0, name);
        return db.dataSource(name);
    }

    /** A new database with no schema at all, for readiness checks. */
    public static DataSource empty() {
        TestDatabase db = get();
        return db.dataSource(db.createEmpty());
    }

    /** Where a new database with no schema is, as {@code DATABASE_URL} would name it to the jar. */
    public static DatabaseUrl emptyUrl() {
        TestDatabase db = get();
        return new DatabaseUrl(db.baseUrl + db.createEmpty(), db.user, db.password);
    }

    private String createEmpty() {
        String name = template.replace("template", "e" + COUNTER.incrementAndGet());
        execute("CREATE DATABASE " + name);
        created.add(0, name);
        return name;
    }

    private DataSource dataSource(String database) {
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
