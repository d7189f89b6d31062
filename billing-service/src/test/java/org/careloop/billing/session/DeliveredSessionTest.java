package org.careloop.billing.session;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.careloop.contracts.Topics;
import org.careloop.contracts.treatment.SessionDocumented;
import org.careloop.contracts.treatment.SessionVoided;
import org.careloop.platform.messaging.CloudEventHeaders;
import org.careloop.platform.testing.KafkaProbe;
import org.careloop.platform.testing.Rows;
import org.careloop.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/** Billing keeps each session treatment delivers, and the credentials of who delivered it. */
@QuarkusTest
class DeliveredSessionTest {

    static final String DEAD_LETTERS = Topics.deadLetters("billing-service");

    @Inject DataSource db;

    @Test
    void aDocumentedSessionShowsWithTheRenderingAndSupervisingProvidersNpi() {
        UUID clientId = Treatment.registered();
        String associate = "associate-" + UUID.randomUUID();
        String supervisor = "supervisor-" + UUID.randomUUID();
        Treatment.credential(supervisor, "LCSW", true, null, "1245319599");
        Treatment.credential(associate, "LPC-Associate", false, supervisor, "1234567893");
        UUID earlier = Treatment.document(clientId, associate, supervisor, Duration.ofDays(2));
        UUID later = Treatment.document(clientId, associate, null, Duration.ofDays(1));

        // Credentials and sessions travel under different keys: the NPIs join in when both are in.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                given().auth()
                                        .oauth2(Tokens.of("billing1"))
                                        .when()
                                        .get("/sessions/" + earlier)
                                        .then()
                                        .statusCode(200)
                                        .body("renderingProviderNpi", equalTo("1234567893"))
                                        .body("supervisingProviderNpi", equalTo("1245319599")));
        given().auth()
                .oauth2(Tokens.of("billing1"))
                .when()
                .get("/sessions/" + earlier)
                .then()
                .statusCode(200)
                .body("status", equalTo("DOCUMENTED"))
                .body("clientId", equalTo(clientId.toString()))
                .body("type", equalTo("INDIVIDUAL"))
                .body("minutes", equalTo(55))
                .body("modality", equalTo("VIDEO"))
                .body("clientLocation", equalTo("HOME"))
                .body("interactiveComplexity", equalTo(true))
                .body("renderingClinician", equalTo(associate))
                .body("supervisingClinician", equalTo(supervisor))
                .body("diagnoses.code", equalTo(List.of("F32.1", "F41.1")))
                .body("voidedAt", nullValue());
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                given().auth()
                                        .oauth2(Tokens.of("supervisor1"))
                                        .when()
                                        .get("/clients/" + clientId + "/sessions")
                                        .then()
                                        .statusCode(200)
                                        .body(
                                                "sessionId",
                                                equalTo(
                                                        List.of(
                                                                later.toString(),
                                                                earlier.toString())))
                                        .body("[0].supervisingProviderNpi", nullValue())
                                        .body("[1].supervisingProviderNpi", equalTo("1245319599")));
    }

    @Test
    void billingAndSupervisorsReadSessionsAndNoOneElse() {
        UUID clientId = Treatment.registered();
        UUID sessionId = Treatment.document(clientId, "clinician1", null, Duration.ofDays(1));
        Treatment.awaitSession(sessionId);

        given().auth()
                .oauth2(Tokens.of("clinician1"))
                .when()
                .get("/sessions/" + sessionId)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.of("clinician1"))
                .when()
                .get("/clients/" + clientId + "/sessions")
                .then()
                .statusCode(403);
        given().when().get("/sessions/" + sessionId).then().statusCode(401);
        given().auth()
                .oauth2(Tokens.of("supervisor1"))
                .when()
                .get("/sessions/" + sessionId)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.of("billing1"))
                .when()
                .get("/sessions/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.of("billing1"))
                .when()
                .get("/sessions/not-a-session")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("sessionId"));
        given().auth()
                .oauth2(Tokens.of("billing1"))
                .when()
                .get("/clients/" + UUID.randomUUID() + "/sessions")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aVoidedSessionKeepsItsRowMarkedVoided() {
        UUID clientId = Treatment.registered();
        UUID sessionId = Treatment.document(clientId, "clinician1", null, Duration.ofDays(1));
        Treatment.awaitSession(sessionId);

        KafkaProbe.publish(
                new SessionVoided(
                        clientId,
                        sessionId,
                        "entered for the wrong client",
                        Instant.parse("2026-12-01T09:00:00Z"),
                        "clinician1"),
                UUID.randomUUID());

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                given().auth()
                                        .oauth2(Tokens.of("billing1"))
                                        .when()
                                        .get("/clients/" + clientId + "/sessions")
                                        .then()
                                        .statusCode(200)
                                        .body("sessionId", equalTo(List.of(sessionId.toString())))
                                        .body("[0].status", equalTo("VOIDED"))
                                        .body(
                                                "[0].voidReason",
                                                equalTo("entered for the wrong client"))
                                        .body("[0].voidedAt", equalTo("2026-12-01T09:00:00Z"))
                                        .body("[0].voidedBy", equalTo("clinician1"))
                                        .body("[0].minutes", equalTo(55)));
    }

    @Test
    void aSessionDeliveredTwiceIsStoredOnce() throws SQLException {
        UUID clientId = Treatment.registered();
        UUID sessionId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        SessionDocumented event =
                Treatment.documented(clientId, sessionId, "clinician1", null, Duration.ofDays(1));
        KafkaProbe.publish(event, eventId);
        KafkaProbe.publish(event, eventId);
        // Same key, same partition: once this later session is in, both copies have been handled.
        UUID marker = Treatment.document(clientId, "clinician1", null, Duration.ofHours(1));

        Treatment.awaitSession(marker);
        assertEquals(
                1, Rows.count(db, "select count(*) from inbox where event_id = '" + eventId + "'"));
        assertEquals(
                1,
                Rows.count(
                        db,
                        "select count(*) from delivered_session where session_id = '"
                                + sessionId
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
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheNextSessionStillArrives() {
        UUID clientId = Treatment.registered();
        String key = clientId.toString();
        ProducerRecord<String, String> poison =
                new ProducerRecord<>(Topics.TREATMENT, key, "{not json");
        CloudEventHeaders.write(
                poison.headers(),
                UUID.randomUUID().toString(),
                "careloop.treatment.SessionDocumented.v1",
                "test",
                key,
                Instant.now());
        KafkaProbe.send(poison);
        UUID next = Treatment.document(clientId, "clinician1", null, Duration.ofDays(1));

        ConsumerRecord<String, String> dead =
                KafkaProbe.await(
                        DEAD_LETTERS,
                        r -> key.equals(r.key()) && "{not json".equals(r.value()),
                        Duration.ofSeconds(30));
        assertNotNull(KafkaProbe.header(dead, "dead-letter-reason"));
        Treatment.awaitSession(next);
    }

    @Test
    void sessionsAndProvidersAreTheSameAfterARebuild() throws SQLException {
        UUID clientId = Treatment.registered();
        String associate = "associate-" + UUID.randomUUID();
        Treatment.credential(associate, "LPC-Associate", false, "supervisor1", "1234567893");
        Treatment.credential(associate, "LPC", true, null, "1234567893");
        UUID voided = Treatment.document(clientId, associate, null, Duration.ofDays(2));
        UUID kept = Treatment.document(clientId, associate, null, Duration.ofDays(1));
        KafkaProbe.publish(
                new SessionVoided(clientId, voided, "duplicate", Instant.now(), "clinician1"),
                UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                Rows.count(
                                        db,
                                        "select count(*) from delivered_session where client_id = '"
                                                + clientId
                                                + "' and status = 'VOIDED'"),
                        count -> count == 1);
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                Rows.count(
                                        db,
                                        "select count(*) from rendering_provider where username = '"
                                                + associate
                                                + "' and licensed"),
                        count -> count == 1);
        String sessions = "client_id = '" + clientId + "'";
        String providers = "username = '" + associate + "'";
        String before =
                Rows.dump(db, "delivered_session", sessions, "session_id")
                        + Rows.dump(db, "rendering_provider", providers, "username");
        assertTrue(before.contains(kept.toString()), before);

        for (String projection : List.of("delivered-sessions", "rendering-providers")) {
            given().auth()
                    .oauth2(Tokens.of("admin1"))
                    .when()
                    .post("/admin/projections/" + projection + "/rebuild")
                    .then()
                    .statusCode(200)
                    .body("projection", equalTo(projection));
        }

        assertEquals(
                before,
                Rows.dump(db, "delivered_session", sessions, "session_id")
                        + Rows.dump(db, "rendering_provider", providers, "username"));
        given().auth()
                .oauth2(Tokens.of("admin1"))
                .when()
                .get("/admin/projections")
                .then()
                .statusCode(200)
                .body(
                        "$",
                        equalTo(
                                List.of(
                                        "access",
                                        "authorizations",
                                        "claim-exports",
                                        "claims",
                                        "clients",
                                        "consent-registry",
                                        "coverages",
                                        "delivered-sessions",
                                        "emergency-grants",
                                        "payers",
                                        "rendering-providers",
                                        "treatment-plans")));
    }
}
