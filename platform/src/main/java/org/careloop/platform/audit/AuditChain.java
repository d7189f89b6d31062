package org.careloop.platform.audit;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.careloop.contracts.Topics;
import org.careloop.platform.worker.BackgroundWorker;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGConnection;

/**
 * Links new audit records into the service's hash chain, in the order it first sees them, and puts
 * each, as a FHIR AuditEvent, in the outbox for {@code audit.events}: position, hash and outbox
 * entry in one transaction. One chainer per database works at a time (an advisory lock), so the
 * chain has one order even with several instances.
 */
@Singleton
public class AuditChain extends BackgroundWorker {

    private static final long CHAIN_LOCK = 0x6175_6469_7463_6861L;

    private final DataSource dataSource;
    private final int batchSize;
    private final Duration idlePoll;
    private Connection listener;

    AuditChain(
            DataSource dataSource,
            @ConfigProperty(name = "careloop.audit.batch-size", defaultValue = "500") int batchSize,
            @ConfigProperty(name = "careloop.audit.idle-poll", defaultValue = "PT1S")
                    Duration idlePoll) {
        super("audit-chain", Duration.ofMillis(100), Duration.ofSeconds(5));
        this.dataSource = dataSource;
        this.batchSize = batchSize;
        this.idlePoll = idlePoll;
    }

    void start(@Observes StartupEvent startup) {
        startWorker();
    }

    @PreDestroy
    void stop() {
        stopWorker(Duration.ofSeconds(10));
    }

    @Override
    protected boolean work() throws SQLException {
        if (listener == null) {
            listener = dataSource.getConnection();
            listener.setAutoCommit(true);
            try (Statement listen = listener.createStatement()) {
                listen.execute("listen audit");
            }
        }
        return chainBatch() >= batchSize;
    }

    @Override
    protected void idle() throws SQLException {
        listener.unwrap(PGConnection.class).getNotifications((int) idlePoll.toMillis());
    }

    @Override
    protected void reset() {
        if (listener != null) {
            try {
                listener.close();
            } catch (SQLException e) {
                // A broken connection is what is being let go of.
            }
            listener = null;
        }
    }

    /** Chains one batch of unchained records; returns how many. */
    int chainBatch() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!lock(connection)) {
                    connection.rollback();
                    return 0;
                }
                long position = 0;
                String previous = ChainLink.GENESIS;
                try (Statement head = connection.createStatement();
                        ResultSet last =
                                head.executeQuery(
                                        "select chain_position, hash from audit_record"
                                                + " where chain_position is not null"
                                                + " order by chain_position desc limit 1")) {
                    if (last.next()) {
                        position = last.getLong(1);
                        previous = last.getString(2);
                    }
                }
                List<AuditRow> unchained = new ArrayList<>();
                try (PreparedStatement select =
                        connection.prepareStatement(
                                "select "
                                        + AuditRow.COLUMNS
                                        + " from audit_record where chain_position is null order by id limit ?")) {
                    select.setInt(1, batchSize);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            unchained.add(AuditRow.read(rows));
                        }
                    }
                }
                try (PreparedStatement link =
                                connection.prepareStatement(
                                        "update audit_record set chain_position = ?, previous_hash = ?, hash = ?"
                                                + " where id = ?");
                        PreparedStatement outbox =
                                connection.prepareStatement(
                                        "insert into outbox (event_id, topic, message_key, event_type, payload, occurred_at)"
                                                + " values (?, ?, ?, ?, ?, ?)")) {
                    for (AuditRow row : unchained) {
                        position++;
                        String hash = ChainLink.hash(previous, position, row);
                        AuditRow chained = row.chained(position, previous, hash);
                        link.setLong(1, position);
                        link.setString(2, previous);
                        link.setString(3, hash);
                        link.setLong(4, row.id());
                        link.addBatch();
                        outbox.setObject(1, UUID.randomUUID());
                        outbox.setString(2, Topics.AUDIT);
                        outbox.setString(
                                3,
                                row.clientId() == null
                                        ? row.username()
                                        : row.clientId().toString());
                        outbox.setString(4, FhirAuditEvent.TYPE);
                        outbox.setString(5, FhirAuditEvent.json(chained));
                        outbox.setTimestamp(6, Timestamp.from(row.recordedAt()));
                        outbox.addBatch();
                        previous = hash;
                    }
                    if (!unchained.isEmpty()) {
                        link.executeBatch();
                        outbox.executeBatch();
                    }
                }
                connection.commit();
                return unchained.size();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static boolean lock(Connection connection) throws SQLException {
        try (PreparedStatement lock =
                connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, CHAIN_LOCK);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
