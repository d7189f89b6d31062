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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.careloop.contracts.Topics;
import org.careloop.platform.messaging.CloudEventHeaders;
import org.careloop.platform.worker.BackgroundWorker;
import org.careloop.platform.worker.Notifications;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Links new audit records into the service's hash chain, in the order it first sees them, then
 * publishes each chained record, as a FHIR AuditEvent, to {@code audit.events} and marks it
 * published once the broker acknowledged it (at least once, in chain order). One chainer per
 * database works at a time (an advisory lock), so the chain has one order even with several
 * instances. The audit record is its own outbox entry: the service's event outbox holds only its
 * events.
 */
@Singleton
public class AuditChain extends BackgroundWorker {

    private static final long CHAIN_LOCK = 0x6175_6469_7463_6861L;

    private final DataSource dataSource;
    private final String bootstrapServers;
    private final String source;
    private final int batchSize;
    private final Duration idlePoll;
    private final Notifications notifications;
    private KafkaProducer<String, String> producer;

    AuditChain(
            DataSource dataSource,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "quarkus.application.name") String source,
            @ConfigProperty(name = "careloop.audit.batch-size", defaultValue = "500") int batchSize,
            @ConfigProperty(name = "careloop.audit.idle-poll", defaultValue = "PT1S")
                    Duration idlePoll) {
        super("audit-chain", Duration.ofMillis(100), Duration.ofSeconds(5));
        this.dataSource = dataSource;
        this.notifications = new Notifications(dataSource, "audit");
        this.bootstrapServers = bootstrapServers;
        this.source = source;
        this.batchSize = batchSize;
        this.idlePoll = idlePoll;
    }

    void start(@Observes StartupEvent startup) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, source + "-audit");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
        startWorker();
    }

    @PreDestroy
    void stop() {
        stopWorker(Duration.ofSeconds(10));
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    @Override
    protected boolean work() throws SQLException {
        notifications.connection();
        int chained = chainBatch();
        int published = publishBatch();
        return chained >= batchSize || published >= batchSize;
    }

    @Override
    protected void idle() throws SQLException {
        notifications.await(idlePoll);
    }

    @Override
    protected void reset() {
        notifications.close();
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
                                        + " where id = ?")) {
                    for (AuditRow row : unchained) {
                        position++;
                        String hash = ChainLink.hash(previous, position, row);
                        link.setLong(1, position);
                        link.setString(2, previous);
                        link.setString(3, hash);
                        link.setLong(4, row.id());
                        link.addBatch();
                        previous = hash;
                    }
                    if (!unchained.isEmpty()) {
                        link.executeBatch();
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

    /**
     * Publishes chained records not yet published, in chain order, and marks the acknowledged
     * prefix published; returns how many.
     */
    int publishBatch() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!lock(connection)) {
                    connection.rollback();
                    return 0;
                }
                List<AuditRow> batch = new ArrayList<>();
                try (PreparedStatement select =
                        connection.prepareStatement(
                                "select "
                                        + AuditRow.COLUMNS
                                        + " from audit_record where published_at is null and chain_position is not null"
                                        + " order by chain_position limit ?")) {
                    select.setInt(1, batchSize);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            batch.add(AuditRow.read(rows));
                        }
                    }
                }
                List<Future<RecordMetadata>> sent = new ArrayList<>(batch.size());
                for (AuditRow row : batch) {
                    String key =
                            row.clientId() == null ? row.username() : row.clientId().toString();
                    ProducerRecord<String, String> record =
                            new ProducerRecord<>(Topics.AUDIT, key, FhirAuditEvent.json(row));
                    CloudEventHeaders.write(
                            record.headers(),
                            row.service() + "-" + row.id(),
                            FhirAuditEvent.TYPE,
                            source,
                            key,
                            row.recordedAt());
                    sent.add(producer.send(record));
                }
                producer.flush();
                int acknowledged = 0;
                try (PreparedStatement mark =
                        connection.prepareStatement(
                                "update audit_record set published_at = now() where id = ?")) {
                    for (int i = 0; i < sent.size(); i++) {
                        try {
                            sent.get(i).get();
                        } catch (ExecutionException e) {
                            break;
                        }
                        mark.setLong(1, batch.get(i).id());
                        mark.addBatch();
                        acknowledged++;
                    }
                    if (acknowledged > 0) {
                        mark.executeBatch();
                    }
                }
                connection.commit();
                if (acknowledged < batch.size()) {
                    throw new SQLException(
                            "the broker did not acknowledge every audit record; they are sent again");
                }
                return acknowledged;
            } catch (InterruptedException e) {
                connection.rollback();
                Thread.currentThread().interrupt();
                return 0;
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
