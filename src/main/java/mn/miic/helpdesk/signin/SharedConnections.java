package mn.miic.helpdesk.signin;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jooq.ConnectionProvider;
import org.jooq.exception.DataAccessException;

/**
 * The sign-in API's share of the pool: at most this many connections at once, so that a flood of sign-ins leaves the
 * rest to Slack's work and the scheduled jobs. Past a short wait the sign-in is answered busy.
 */
final class SharedConnections implements ConnectionProvider {

    private final DataSource dataSource;
    private final Semaphore share;
    private final Duration wait;

    SharedConnections(DataSource dataSource, int connections, Duration wait) {
        this.dataSource = dataSource;
        this.share = new Semaphore(connections, true);
        this.wait = wait;
    }

    @Override
    public Connection acquire() {
        try {
            if (!share.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new Busy("the sign-in API's database connections are all in use");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy("interrupted");
        }
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            share.release();
            throw new DataAccessException("could not get a database connection", e);
        }
    }

    @Override
    public void release(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new DataAccessException("could not return a database connection", e);
        } finally {
            share.release();
        }
    }
}
