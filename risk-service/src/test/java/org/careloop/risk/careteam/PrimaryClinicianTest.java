package org.careloop.risk.careteam;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.careloop.contracts.Topics;
import org.careloop.contracts.treatment.ClientDischarged;
import org.careloop.contracts.treatment.ClinicianAssigned;
import org.careloop.contracts.treatment.ClinicianUnassigned;
import org.careloop.platform.messaging.CloudEventHeaders;
import org.careloop.platform.testing.KafkaProbe;
import org.careloop.platform.testing.Rows;
import org.careloop.platform.testing.SseListener;
import org.careloop.platform.testing.Tokens;
import org.careloop.risk.alert.Screening;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each step of a crisis alert reaches the client's primary clinician too, for information. */
@QuarkusTest
class PrimaryClinicianTest {

    static final String DEAD_LETTERS = Topics.deadLetters("risk-service");

    @TestHTTPResource("/alerts/stream")
    URL stream;

    @Inject DataSource db;

    /** The shifts a test put on the rota, taken off again after it. */
    final List<String> shifts = new ArrayList<>();

    @AfterEach
    void anEmptyRota() {
        for (String shiftId : shifts) {
            given().auth()
                    .oauth2(Tokens.of("supervisor1"))
                    .when()
                    .delete("/on-call/shifts/" + shiftId)
                    .then()
                    .statusCode(204);
        }
    }

    @Test
    void thePrimaryClinicianHearsOfEachStepForInformationAndCannotAcknowledgeIt() throws Exception {
        UUID clientId = UUID.randomUUID();
        assign(clientId, "clinician2", "PRIMARY");
        awaitMembers(clientId, 1);
        shifts.add(shift("oncall1", "PRIMARY"));

        try (SseListener primary = new SseListener(stream.toString(), Tokens.of("clinician2"));
                SseListener onCall = new SseListener(stream.toString(), Tokens.of("oncall1"))) {
            String alertId =
                    Screening.raisesAnAlert(clientId, "Ida", "Primary", "+1 555 0103").toString();

            JsonNode copy = primary.next(e -> alertId.equals(e.get("alertId").asText()), 15_000);
            assertEquals("RAISED", copy.get("kind").asText());
            assertTrue(copy.get("informational").asBoolean(), copy.toString());
            assertEquals("oncall1", copy.get("addressedTo").asText());
            assertEquals("PRIMARY", copy.get("tier").asText());
            assertEquals("clinician2", copy.get("primaryClinician").asText());
            assertEquals("Ida Primary", copy.get("clientName").asText());
            JsonNode raised = onCall.next(e -> alertId.equals(e.get("alertId").asText()), 15_000);
            assertFalse(raised.get("informational").asBoolean(), raised.toString());

            given().auth()
                    .oauth2(Tokens.of("clinician2"))
                    .when()
                    .post("/alerts/" + alertId + "/acknowledgements")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
            given().auth()
                    .oauth2(Tokens.of("oncall1"))
                    .when()
                    .post("/alerts/" + alertId + "/acknowledgements")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("ACKNOWLEDGED"))
                    .body("addressedTo", equalTo("oncall1"));

            JsonNode acknowledged =
                    primary.next(e -> alertId.equals(e.get("alertId").asText()), 15_000);
            assertEquals("ACKNOWLEDGED", acknowledged.get("kind").asText());
            assertTrue(acknowledged.get("informational").asBoolean(), acknowledged.toString());

            // The primary clinician opens the alert they heard of, and finds it in their list.
            given().auth()
                    .oauth2(Tokens.of("clinician2"))
                    .when()
                    .get("/alerts/" + alertId)
                    .then()
                    .statusCode(200)
                    .body("alert.alertId", equalTo(alertId));
            given().auth()
                    .oauth2(Tokens.of("clinician2"))
                    .when()
                    .get("/alerts")
                    .then()
                    .statusCode(200)
                    .body("alertId", org.hamcrest.Matchers.hasItem(alertId));
            given().auth()
                    .oauth2(Tokens.of("clinician1"))
                    .when()
                    .get("/alerts/" + alertId)
                    .then()
                    .statusCode(403);
        }
    }

    @Test
    void aClinicianNoLongerPrimaryHearsNothingMore() throws Exception {
        UUID unassigned = UUID.randomUUID();
        UUID discharged = UUID.randomUUID();
        UUID stillPrimary = UUID.randomUUID();
        for (UUID clientId : List.of(unassigned, discharged, stillPrimary)) {
            assign(clientId, "clinician2", "PRIMARY");
        }
        assign(discharged, "clinician1", "ASSOCIATE");
        awaitMembers(unassigned, 1);
        awaitMembers(discharged, 2);
        awaitMembers(stillPrimary, 1);
        KafkaProbe.publish(
                new ClinicianUnassigned(
                        unassigned,
                        "clinician2",
                        "PRIMARY",
                        "caseload rebalanced",
                        Instant.now(),
                        "supervisor1"),
                UUID.randomUUID());
        KafkaProbe.publish(
                new ClientDischarged(
                        discharged, "goals met", true, "step-down", Instant.now(), "clinician2"),
                UUID.randomUUID());
        awaitMembers(unassigned, 0);
        awaitMembers(discharged, 0);

        try (SseListener console = new SseListener(stream.toString(), Tokens.of("clinician2"))) {
            UUID formerClientsAlert =
                    Screening.raisesAnAlert(unassigned, "Una", "Signed", "+1 555 0104");
            Screening.raisesAnAlert(discharged, "Dee", "Charged", "+1 555 0105");
            Screening.raisesAnAlert(stillPrimary, "Stil", "Primary", "+1 555 0106");

            // The consumer raises one alert after the other: the last one's notice comes after
            // any of the others would have.
            Set<String> ours =
                    Set.of(unassigned.toString(), discharged.toString(), stillPrimary.toString());
            JsonNode first = console.next(e -> ours.contains(e.get("clientId").asText()), 15_000);
            assertEquals(stillPrimary.toString(), first.get("clientId").asText());
            assertTrue(first.get("informational").asBoolean());
            given().auth()
                    .oauth2(Tokens.of("clinician2"))
                    .when()
                    .get("/alerts/" + formerClientsAlert)
                    .then()
                    .statusCode(403);
        }
    }

    @Test
    void aPrimaryClinicianWhoIsOnCallGetsEachStepOnceAndAnswersIt() throws Exception {
        UUID clientId = UUID.randomUUID();
        assign(clientId, "clinician2", "PRIMARY");
        awaitMembers(clientId, 1);
        shifts.add(shift("clinician2", "PRIMARY"));

        try (SseListener console = new SseListener(stream.toString(), Tokens.of("clinician2"))) {
            String alertId =
                    Screening.raisesAnAlert(clientId, "Oona", "Call", "+1 555 0107").toString();

            JsonNode raised = console.next(e -> alertId.equals(e.get("alertId").asText()), 15_000);
            assertEquals("RAISED", raised.get("kind").asText());
            assertEquals("clinician2", raised.get("addressedTo").asText());
            assertFalse(raised.get("informational").asBoolean(), raised.toString());
            given().auth()
                    .oauth2(Tokens.of("clinician2"))
                    .when()
                    .post("/alerts/" + alertId + "/acknowledgements")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("ACKNOWLEDGED"));

            // Had the step come twice, its copy would be next, before the acknowledgement.
            JsonNode next = console.next(e -> alertId.equals(e.get("alertId").asText()), 15_000);
            assertEquals("ACKNOWLEDGED", next.get("kind").asText());
            assertFalse(next.get("informational").asBoolean(), next.toString());
        }
    }

    @Test
    void aNewPrimaryClinicianTakesThePlaceOfTheLast() throws SQLException {
        UUID clientId = UUID.randomUUID();
        assign(clientId, "clinician1", "PRIMARY");
        assign(clientId, "clinician1", "PRESCRIBER");
        assign(clientId, "clinician2", "PRIMARY");

        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                Rows.dump(db, "care_team_member", where(clientId), "2, 3")
                                        .lines()
                                        .map(row -> row.split("\\|"))
                                        .map(row -> row[1] + " " + row[2])
                                        .toList(),
                        equalTo(List.of("clinician1 PRESCRIBER", "clinician2 PRIMARY")));
    }

    @Test
    void aPoisonMessageIsDeadLetteredAndTheNextAssignmentStillArrives() throws SQLException {
        String key = UUID.randomUUID().toString();
        ProducerRecord<String, String> poison =
                new ProducerRecord<>(Topics.TREATMENT, key, "{not json");
        CloudEventHeaders.write(
                poison.headers(),
                UUID.randomUUID().toString(),
                "careloop.treatment.ClinicianAssigned.v1",
                "test",
                key,
                Instant.now());
        KafkaProbe.send(poison);
        UUID next = UUID.randomUUID();
        assign(next, "clinician2", "PRIMARY");

        ConsumerRecord<String, String> dead =
                KafkaProbe.await(
                        DEAD_LETTERS,
                        r -> key.equals(r.key()) && "{not json".equals(r.value()),
                        Duration.ofSeconds(30));
        assertNotNull(KafkaProbe.header(dead, "dead-letter-reason"));
        awaitMembers(next, 1);
    }

    static void assign(UUID clientId, String clinician, String role) {
        KafkaProbe.publish(
                new ClinicianAssigned(clientId, clinician, role, Instant.now(), "supervisor1"),
                UUID.randomUUID());
    }

    private void awaitMembers(UUID clientId, long members) {
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                Rows.count(
                                        db,
                                        "select count(*) from care_team_member where "
                                                + where(clientId)),
                        count -> count == members);
    }

    private static String where(UUID clientId) {
        return "client_id = '" + clientId + "'";
    }

    /** Puts a clinician on call from a few minutes ago for two hours; returns the shift's id. */
    private static String shift(String clinician, String tier) {
        Instant now = Instant.now();
        return given().auth()
                .oauth2(Tokens.of("supervisor1"))
                .contentType(ContentType.JSON)
                .body(
                        "{\"clinician\":\""
                                + clinician
                                + "\",\"tier\":\""
                                + tier
                                + "\",\"startsAt\":\""
                                + now.minus(Duration.ofMinutes(5))
                                + "\",\"endsAt\":\""
                                + now.plus(Duration.ofHours(2))
                                + "\"}")
                .when()
                .post("/on-call/shifts")
                .then()
                .statusCode(201)
                .extract()
                .path("shiftId");
    }
}
