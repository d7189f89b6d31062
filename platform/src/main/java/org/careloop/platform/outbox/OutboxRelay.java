package org.careloop.platform.outbox;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.careloop.platform.messaging.CloudEventHeaders;
import org.careloop.platform.worker.BackgroundWorker;
import org.careloop.platform.worker.Notifications;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes committed outbox entries to Kafka, oldest first, and marks an entry published only once
 * the broker has acknowledged it. It always reads every unpublished entry rather than "entries
 * after the last one sent", so an entry whose transaction committed later than one with a higher id
 * is never skipped. Runs on its own thread with plain JDBC: it is a loop of blocking I/O, kept
 * apart from the reactive request and consumer paths.
 */
@Singleton
public class OutboxRelay extends BackgroundWorker {

    /**
     * One relay per database publishes at a time, so entries leave in id order even with several
     * instances.
     */
    private static final long RELAY_LOCK = 0x6361_7265_6c6f_6f70L;

    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final DataSource dataSource;
    private final String bootstrapServers;
    private final String source;
    private final int batchSize;
    private final Duration idlePoll;

    private KafkaProducer<String, String> producer;

    /**
     * Held between rounds: LISTEN outbox wakes the relay when a transaction with outbox rows
     * commits.
     */
    private final Notifications notifications;

    OutboxRelay(
            DataSource dataSource,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "quarkus.application.name") String source,
            @ConfigProperty(name = "careloop.outbox.batch-size", defaultValue = "500")
                    int batchSize,
            @ConfigProperty(name = "careloop.outbox.idle-poll", defaultValue = "PT1S")
                    Duration idlePoll) {
        super("outbox-relay", Duration.ofMillis(100), MAX_BACKOFF);
        this.dataSource = dataSource;
        this.notifications = new Notifications(dataSource, "outbox");
        this.bootstrapServers = bootstrapServers;
        this.source = source;
        this.batchSize = batchSize;
        this.idlePoll = idlePoll;
    }

    void start(@Observes StartupEvent startup) {
        producer =
                new KafkaProducer<>(
                        producerConfig(), new StringSerializer(), new StringSerializer());
        startWorker();
    }

    @PreDestroy
    void stop() {
        stopWorker(Duration.ofSeconds(10));
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private Properties producerConfig() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, source + "-outbox");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        return config;
    }

    @Override
    protected boolean work() throws SQLException, PublishFailed {
        // Listening before reading: a commit after the read still wakes the idle wait that follows.
        notifications.connection();
        return publishBatch() >= batchSize;
    }

    @Override
    protected void idle() throws SQLException {
        notifications.await(idlePoll);
    }

    @Override
    protected void reset() {
        notifications.close();
    }

    /**
     * Sends one batch and marks the acknowledged prefix published; returns how many it published.
     */
    int publishBatch() throws SQLException, PublishFailed {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!lockRelay(connection)) {
                    connection.rollback();
                    return 0;
                }
                List<Pending> batch = unpublished(connection);
                List<Future<RecordMetadata>> sent = new ArrayList<>(batch.size());
                PublishFailed failure = null;
                try {
                    for (Pending pending : batch) {
                        sent.add(producer.send(pending.record(source)));
                    }
                } catch (RuntimeException e) {
                    failure = new PublishFailed(e);
                }
                producer.flush();
                // Only the prefix up to the first unacknowledged entry counts: later ones are sent
                // again, in order.
                List<Long> acknowledged = new ArrayList<>();
                for (int i = 0; i < sent.size(); i++) {
                    try {
                        sent.get(i).get();
                        acknowledged.add(batch.get(i).id());
                    } catch (ExecutionException e) {
                        failure = new PublishFailed(e.getCause());
                        break;
                    }
                }
                markPublished(connection, acknowledged);
                connection.commit();
                if (failure != null) {
                    throw failure;
                }
                return acknowledged.size();
            } catch (InterruptedException e) {
                connection.rollback();
                Thread.currentThread().interrupt();
                return 0;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static boolean lockRelay(Connection connection) throws SQLException {
        try (PreparedStatement lock =
                connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private List<Pending> unpublished(Connection connection) throws SQLException {
        List<Pending> batch = new ArrayList<>();
        try (PreparedStatement select =
                connection.prepareStatement(
                        """
                select id, event_id, topic, message_key, event_type, payload, occurred_at
                from outbox where published_at is null order by id limit ?""")) {
            select.setInt(1, batchSize);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    batch.add(
                            new Pending(
                                    rows.getLong(1),
                                    rows.getString(2),
                                    rows.getString(3),
                                    rows.getString(4),
                                    rows.getString(5),
                                    rows.getString(6),
                                    rows.getTimestamp(7).toInstant()));
                }
            }
        }
        return batch;
    }

    private static void markPublished(Connection connection, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement update =
                connection.prepareStatement(
                        "update outbox set published_at = now() where id = any(?)")) {
            Array array = connection.createArrayOf("bigint", ids.toArray());
            update.setArray(1, array);
            update.executeUpdate();
        }
    }

    private record Pending(
            long id,
            String eventId,
            String topic,
            String key,
            String type,
            String payload,
            java.time.Instant occurredAt) {

        ProducerRecord<String, String> record(String source) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payload);
            CloudEventHeaders.write(record.headers(), eventId, type, source, key, occurredAt);
            return record;
        }
    }

    /** The broker did not acknowledge an entry; it stays unpublished and is sent again. */
    static final class PublishFailed extends Exception {
        PublishFailed(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }
}
