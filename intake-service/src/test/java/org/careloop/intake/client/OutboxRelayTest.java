package org.careloop.intake.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careloop.contracts.Topics;
import org.careloop.platform.messaging.CloudEventHeaders;
import org.careloop.platform.testing.KafkaProbe;
import org.careloop.platform.testing.Rows;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxRelayTest {

    @Inject DataSource db;

    /**
     * An outbox id is taken when a transaction inserts, not when it commits: the entry of a
     * transaction that commits late has a lower id than one already published. The relay must still
     * publish it, once.
     */
    @Test
    void anEntryWhoseTransactionCommitsLateIsPublishedOnceAndNeverSkipped() throws SQLException {
        String key = UUID.randomUUID().toString();
        UUID late = UUID.randomUUID();
        UUID early = UUID.randomUUID();
        try (Connection slow = db.getConnection()) {
            slow.setAutoCommit(false);
            insert(slow, late, key);
            try (Connection quick = db.getConnection()) {
                insert(quick, early, key);
            }
            ConsumerRecord<String, String> first =
                    KafkaProbe.await(
                            Topics.INTAKE, r -> key.equals(r.key()), Duration.ofSeconds(30));
            assertEquals(
                    early.toString(),
                    KafkaProbe.header(first, CloudEventHeaders.ID),
                    "only the committed entry can be published while the other transaction is open");
            slow.commit();
        }

        KafkaProbe.await(
                Topics.INTAKE,
                r -> late.toString().equals(KafkaProbe.header(r, CloudEventHeaders.ID)),
                Duration.ofSeconds(30));
        List<String> published =
                KafkaProbe.records(Topics.INTAKE).stream()
                        .filter(r -> key.equals(r.key()))
                        .map(r -> KafkaProbe.header(r, CloudEventHeaders.ID))
                        .toList();
        assertEquals(List.of(early.toString(), late.toString()), published);
        assertEquals(
                2,
                Rows.count(
                        db,
                        "select count(*) from outbox where message_key = '"
                                + key
                                + "' and published_at is not null"));
    }

    private static void insert(Connection connection, UUID eventId, String key)
            throws SQLException {
        try (PreparedStatement insert =
                connection.prepareStatement(
                        """
                insert into outbox (event_id, topic, message_key, event_type, payload, occurred_at)
                values (?, ?, ?, 'careloop.intake.ClientRegistered.v1', ?, ?)""")) {
            insert.setObject(1, eventId);
            insert.setString(2, Topics.INTAKE);
            insert.setString(3, key);
            insert.setString(
                    4,
                    "{\"clientId\":\""
                            + key
                            + "\",\"firstName\":\"Late\",\"lastName\":\"Commit\","
                            + "\"dateOfBirth\":\"1990-01-01\",\"registeredAt\":\"2026-11-30T10:00:00Z\"}");
            insert.setTimestamp(5, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
    }
}
