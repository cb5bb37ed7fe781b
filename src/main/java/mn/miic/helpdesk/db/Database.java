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
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import mn.miic.helpdesk.config.DatabaseUrl;

/** The pooled connection to PostgreSQL: a server named by DATABASE_URL, or an embedded one that keeps its data. */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final EmbeddedPostgres embedded;
    private final String description;

    private Database(HikariDataSource dataSource, EmbeddedPostgres embedded, String description) {
        this.dataSource = dataSource;
        this.embedded = embedded;
        this.description = description;
    }

    public static Database connect(DatabaseUrl url) {
        return new Database(pool(url.jdbcUrl(), url.user(), url.password()), null, "PostgreSQL at " + url.jdbcUrl());
    }

    /**
     * Starts (or restarts on its kept data) a real PostgreSQL server from the bundled binaries. When a bot already runs
     * one on this folder, this connects to that server instead, so {@code import} works while the bot runs.
     */
    public static Database embedded(Path dataDirectory) {
        Optional<Integer> running = runningPort(dataDirectory);
        if (running.isPresent()) {
            String url = "jdbc:postgresql://localhost:" + running.get() + "/postgres";
            return new Database(
                    pool(url, "postgres", null),
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
            return new Database(
                    pool(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null),
                    postgres,
                    "embedded PostgreSQL, data kept in " + dataDirectory.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

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
