package org.careloop.risk.alert;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.careloop.platform.worker.BackgroundWorker;
import org.careloop.platform.worker.Notifications;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Follows the stored alert steps, whichever instance took them, and hands each to this instance's
 * consoles in commit order: woken by the database's notification when a step commits, and polling
 * now and then in case a notification was lost with a connection. Steps older than the replay
 * horizon are let go of here too.
 */
@Singleton
public class AlertStepTail extends BackgroundWorker {

    private static final int BATCH = 500;

    private final AlertFeed feed;
    private final Clock clock;
    private final Duration idlePoll;
    private final Duration horizon;
    private final Notifications notifications;
    private long seen = -1;
    private Instant nextPurge = Instant.MIN;

    AlertStepTail(
            DataSource dataSource,
            AlertFeed feed,
            Clock clock,
            @ConfigProperty(name = "careloop.alerts.tail-poll", defaultValue = "PT1S")
                    Duration idlePoll,
            @ConfigProperty(name = "careloop.alerts.replay-horizon") Duration horizon) {
        super("alert-step-tail", Duration.ofMillis(100), Duration.ofSeconds(5));
        this.notifications = new Notifications(dataSource, "alert_step");
        this.feed = feed;
        this.clock = clock;
        this.idlePoll = idlePoll;
        this.horizon = horizon;
    }

    void start(@Observes StartupEvent startup) {
        startWorker();
    }

    @PreDestroy
    void stop() {
        stopWorker(Duration.ofSeconds(5));
        reset();
    }

    @Override
    protected boolean work() throws SQLException {
        Connection connection = notifications.connection();
        if (seen < 0) {
            // Consoles connected to this instance see what commits from now on; what came before
            // is theirs to replay.
            seen = head(connection);
        }
        List<AlertStep> batch = read(connection, seen);
        if (!batch.isEmpty()) {
            seen = batch.get(batch.size() - 1).position();
            feed.publish(batch);
        }
        purge(connection);
        return batch.size() >= BATCH;
    }

    @Override
    protected void idle() throws SQLException {
        notifications.await(idlePoll);
    }

    @Override
    protected void reset() {
        notifications.close();
    }

    private static long head(Connection connection) throws SQLException {
        try (Statement select = connection.createStatement();
                ResultSet row = select.executeQuery("select position from alert_step_head")) {
            return row.next() ? row.getLong(1) : 0;
        }
    }

    private static List<AlertStep> read(Connection connection, long after) throws SQLException {
        List<AlertStep> steps = new ArrayList<>();
        try (PreparedStatement select =
                connection.prepareStatement(
                        "select position, notice from alert_step where position > ? order by position"
                                + " limit ?")) {
            select.setLong(1, after);
            select.setInt(2, BATCH);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    steps.add(new AlertStep(rows.getLong(1), AlertSteps.decode(rows.getString(2))));
                }
            }
        }
        return steps;
    }

    private void purge(Connection connection) throws SQLException {
        Instant now = clock.instant();
        if (now.isBefore(nextPurge)) {
            return;
        }
        nextPurge = now.plus(Duration.ofMinutes(10));
        try (PreparedStatement delete =
                connection.prepareStatement("delete from alert_step where recorded_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(now.minus(horizon)));
            delete.executeUpdate();
        }
    }
}
