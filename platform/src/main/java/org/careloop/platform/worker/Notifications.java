package org.careloop.platform.worker;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * A connection of a background worker's own, listening on one PostgreSQL notification channel:
 * opened on first use, let go of after a failure. Notifications are delivered on commit, so a
 * worker that listens before it reads is woken by every commit after its read.
 */
public final class Notifications implements AutoCloseable {

    private final DataSource dataSource;
    private final String channel;
    private Connection connection;

    public Notifications(DataSource dataSource, String channel) {
        if (!channel.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a channel name: " + channel);
        }
        this.dataSource = dataSource;
        this.channel = channel;
    }

    /** The listening connection (autocommit), opened and listening if it was not. */
    public Connection connection() throws SQLException {
        if (connection == null) {
            Connection opened = dataSource.getConnection();
            opened.setAutoCommit(true);
            try (Statement listen = opened.createStatement()) {
                listen.execute("listen " + channel);
            }
            connection = opened;
        }
        return connection;
    }

    /** Waits until a notification arrives, or at most {@code poll}. */
    public void await(Duration poll) throws SQLException {
        connection().unwrap(PGConnection.class).getNotifications((int) poll.toMillis());
    }

    /** Lets go of the connection, broken or not; the next use opens another. */
    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // A broken connection is what is being let go of.
            }
            connection = null;
        }
    }
}
