package org.careloop.treatment.client;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.careloop.contracts.Topics;
import org.careloop.contracts.intake.ClientRegistered;
import org.careloop.platform.messaging.CloudEventHeaders;
import org.careloop.platform.testing.KafkaProbe;
import org.careloop.platform.testing.RetiredClientRegistered;
import org.careloop.platform.testing.Rows;
import org.careloop.platform.testing.Tokens;
import org.careloop.treatment.Clinic;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClientDirectoryTest {

    static final String DEAD_LETTERS = Topics.deadLetters("treatment-service");

    @Inject DataSource db;

    @Test
    void aClientRegisteredAtIntakeAppearsHere() {
        UUID clientId = UUID.randomUUID();
        // Before the client is known, a clinician is refused as for any client not theirs.
        given().auth()
                .oauth2(Tokens.of("clinician1"))
                .when()
                .get("/clients/" + clientId)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");

        KafkaProbe.publish(registered(clientId, "Grace"), UUID.randomUUID());

        awaitClient(clientId);
        given().auth()
                .oauth2(Tokens.of("clinician1"))
                .when()
                .get("/clients/" + clientId)
                .then()
                .statusCode(200)
                .body("firstName", equalTo("Grace"))
                .body("dateOfBirth", equalTo("1985-06-01"));
        given().auth()
                .oauth2(Tokens.of("billing1"))
                .when()
                .get("/clients/" + clientId)
                .then()
                .statusCode(403);
        given().when().get("/clients/" + clientId).then().statusCode(401);
    }

    @Test
    void anEventDeliveredTwiceHasOneEffect() throws SQLException {
        UUID clientId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        ClientRegistered event = registered(clientId, "Twice");

        KafkaProbe.publish(event, eventId);
        KafkaProbe.publish(event, eventId);
        // Same key, same partition: once this later event is in, both copies before it have been
        // handled.
        UUID marker = UUID.randomUUID();
        KafkaProbe.publish(registered(marker, "Marker"), UUID.randomUUID(), clientId.toString());

        awaitClient(marker);
        assertEquals(
                1, Rows.count(db, "select count(*) from inbox where event_id = '" + eventId + "'"));
        assertEquals(
                1,
                Rows.count(
                        db,
                        "select count(*) from client_directory where client_id = '"
                                + clientId
                                + "'"));
        assertTrue(
                KafkaProbe.records(DEAD_LETTERS).stream()
                        .noneMatch(
                                r ->
                                        eventId.toString()
                                                .equals(
                                                        KafkaProbe.header(
                                                                r, CloudEventHeaders.ID))),
                "the second delivery must be skipped, not fail");
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheNextOneIsStillProcessed() {
        String key = UUID.randomUUID().toString();
        ProducerRecord<String, String> poison =
                new ProducerRecord<>(Topics.INTAKE, key, "{not json");
        CloudEventHeaders.write(
                poison.headers(),
                UUID.randomUUID().toString(),
                "careloop.intake.ClientRegistered.v1",
                "test",
                key,
                Instant.now());
        KafkaProbe.send(poison);
        KafkaProbe.send(new ProducerRecord<>(Topics.INTAKE, key, "{\"clientId\":\"" + key + "\"}"));
        UUID next = UUID.randomUUID();
        KafkaProbe.publish(registered(next, "AfterPoison"), UUID.randomUUID());

        ConsumerRecord<String, String> dead =
                KafkaProbe.await(
                        DEAD_LETTERS,
                        r -> key.equals(r.key()) && "{not json".equals(r.value()),
                        Duration.ofSeconds(30));
        assertNotNull(KafkaProbe.header(dead, "dead-letter-reason"));
        assertTrue(
                KafkaProbe.header(dead, "dead-letter-reason").contains("not valid JSON"),
                KafkaProbe.header(dead, "dead-letter-reason"));
        KafkaProbe.await(
                DEAD_LETTERS,
                r -> key.equals(r.key()) && r.value().startsWith("{\"clientId\""),
                Duration.ofSeconds(30));
        awaitClient(next);
    }

    @Test
    void aMessageThatKeepsFailingIsDeadLetteredAfterItsRetriesAndTheNextOneFlows()
            throws SQLException {
        UUID clientId = UUID.randomUUID();
        KafkaProbe.publish(registered(clientId, "First"), UUID.randomUUID());
        awaitClient(clientId);
        // A second registration of the same client under another event id reads well but cannot be
        // applied: the
        // directory already has that client. With the database up, that is the message's own fault.
        UUID clash = KafkaProbe.publish(registered(clientId, "Clash"), UUID.randomUUID());
        UUID next = UUID.randomUUID();
        KafkaProbe.publish(registered(next, "AfterClash"), UUID.randomUUID(), clientId.toString());

        ConsumerRecord<String, String> dead =
                KafkaProbe.await(
                        DEAD_LETTERS,
                        r -> clash.toString().equals(KafkaProbe.header(r, CloudEventHeaders.ID)),
                        Duration.ofSeconds(60));
        assertNotNull(KafkaProbe.header(dead, "dead-letter-reason"));
        awaitClient(next);
        assertEquals(
                0, Rows.count(db, "select count(*) from inbox where event_id = '" + clash + "'"));
        given().auth()
                .oauth2(Tokens.of("clinician1"))
                .when()
                .get("/clients/" + clientId)
                .then()
                .statusCode(200)
                .body("firstName", equalTo("First"));
    }

    @Test
    void aRetiredVersionOnTheTopicIsUpcastBeforeItReachesTheDirectory() {
        UUID clientId = UUID.randomUUID();
        ProducerRecord<String, String> v0 =
                new ProducerRecord<>(
                        Topics.INTAKE,
                        clientId.toString(),
                        """
                {"clientId":"%s","fullName":"Mary Ann Evans","dateOfBirth":"1989-11-22",
                 "registeredAt":"2026-11-22T09:30:00Z","registeredBy":"intake1"}"""
                                .formatted(clientId));
        CloudEventHeaders.write(
                v0.headers(),
                UUID.randomUUID().toString(),
                RetiredClientRegistered.TYPE,
                "test",
                clientId.toString(),
                Instant.now());

        KafkaProbe.send(v0);

        awaitClient(clientId);
        given().auth()
                .oauth2(Tokens.of("clinician1"))
                .when()
                .get("/clients/" + clientId)
                .then()
                .statusCode(200)
                .body("firstName", equalTo("Mary Ann"))
                .body("lastName", equalTo("Evans"))
                .body("dateOfBirth", equalTo("1989-11-22"));
    }

    @Test
    void anEventOfATypeThisBuildDoesNotKnowIsKeptAndChangesNothing() throws SQLException {
        UUID clientId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        ProducerRecord<String, String> newer =
                new ProducerRecord<>(
                        Topics.INTAKE,
                        clientId.toString(),
                        "{\"clientId\":\"" + clientId + "\",\"firstName\":\"Future\"}");
        CloudEventHeaders.write(
                newer.headers(),
                eventId.toString(),
                "careloop.intake.ClientRegistered.v9",
                "test",
                clientId.toString(),
                Instant.now());
        KafkaProbe.send(newer);
        UUID marker = UUID.randomUUID();
        KafkaProbe.publish(registered(marker, "Marker"), UUID.randomUUID(), clientId.toString());

        awaitClient(marker);
        assertEquals(
                1, Rows.count(db, "select count(*) from inbox where event_id = '" + eventId + "'"));
        assertEquals(
                0,
                Rows.count(
                        db,
                        "select count(*) from client_directory where client_id = '"
                                + clientId
                                + "'"));
        assertTrue(
                KafkaProbe.records(DEAD_LETTERS).stream()
                        .noneMatch(
                                r ->
                                        eventId.toString()
                                                .equals(
                                                        KafkaProbe.header(
                                                                r, CloudEventHeaders.ID))),
                "a newer producer's event is not poison");
    }

    @Test
    void theDirectoryRebuiltFromTheInboxHasTheSameContent() throws SQLException {
        UUID clientId = UUID.randomUUID();
        KafkaProbe.publish(registered(clientId, "Rebuilt"), UUID.randomUUID());
        awaitClient(clientId);
        String before = Rows.dump(db, "client_directory", "client_id");

        given().auth()
                .oauth2(Tokens.of("admin1"))
                .when()
                .post("/admin/projections/clients/rebuild")
                .then()
                .statusCode(200)
                .body("projection", equalTo("clients"));

        assertEquals(before, Rows.dump(db, "client_directory", "client_id"));
        given().auth()
                .oauth2(Tokens.of("admin1"))
                .when()
                .get("/admin/projections")
                .then()
                .statusCode(200)
                .body("$", hasItem("clients"));
    }

    private static ClientRegistered registered(UUID clientId, String firstName) {
        return new ClientRegistered(
                clientId,
                firstName,
                "Test",
                null,
                null,
                LocalDate.of(1985, 6, 1),
                "+1 555 0101",
                null,
                "en",
                Instant.parse("2026-11-22T10:00:00Z"),
                "intake1");
    }

    /**
     * Waits for the client to reach the directory, then puts clinician1 on their care team so that
     * the tests can read the record through the API.
     */
    private void awaitClient(UUID clientId) {
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                Rows.count(
                                                db,
                                                "select count(*) from client_directory where client_id = '"
                                                        + clientId
                                                        + "'")
                                        == 1);
        Clinic.staff();
        Clinic.assign(clientId, "clinician1", "PRESCRIBER");
    }
}
