package org.careloop.treatment.outcome;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.careloop.contracts.intake.AssessmentCompleted;
import org.careloop.contracts.intake.ClientRegistered;
import org.careloop.platform.testing.KafkaProbe;
import org.careloop.platform.testing.Rows;
import org.careloop.platform.testing.Tokens;
import org.careloop.treatment.Clinic;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutcomesTest {

    static final Instant INTAKE = Instant.parse("2026-10-05T14:00:00Z");

    @Inject DataSource db;

    @Test
    void eachInstrumentShowsItsBaselineLatestChangeStatusAndSeries() {
        UUID clientId = registeredClient();
        screen(clientId, "PHQ-9", 20, 0);
        screen(clientId, "PHQ-9", 9, 14);

        awaitSeries(clientId, "PHQ-9", 2)
                .body(path("PHQ-9", "baseline.score"), equalTo(20))
                .body(path("PHQ-9", "latest.score"), equalTo(9))
                .body(path("PHQ-9", "changePoints"), equalTo(-11))
                .body(path("PHQ-9", "changePercent"), equalTo(-55.0f))
                .body(path("PHQ-9", "status"), equalTo("RESPONSE"));

        screen(clientId, "C-SSRS-SCREENER", null, 20);
        screen(clientId, "GAD-7", 12, 0);
        screen(clientId, "GAD-7", 16, 14);
        UUID last = screen(clientId, "PHQ-9", 4, 28);

        awaitSeries(clientId, "PHQ-9", 3)
                .body("clientId", equalTo(clientId.toString()))
                .body("instruments.instrument", equalTo(List.of("GAD-7", "PHQ-9")))
                .body(path("PHQ-9", "baseline.score"), equalTo(20))
                .body(path("PHQ-9", "baseline.at"), equalTo("2026-10-05T14:00:00Z"))
                .body(path("PHQ-9", "latest.score"), equalTo(4))
                .body(path("PHQ-9", "latest.assessmentId"), equalTo(last.toString()))
                .body(path("PHQ-9", "changePoints"), equalTo(-16))
                .body(path("PHQ-9", "changePercent"), equalTo(-80.0f))
                .body(path("PHQ-9", "status"), equalTo("REMISSION"))
                .body(path("PHQ-9", "series.score"), equalTo(List.of(20, 9, 4)))
                .body(path("GAD-7", "baseline.score"), equalTo(12))
                .body(path("GAD-7", "latest.score"), equalTo(16))
                .body(path("GAD-7", "changePoints"), equalTo(4))
                .body(path("GAD-7", "status"), equalTo("DETERIORATION"))
                .body(path("GAD-7", "series"), hasSize(2));
    }

    @Test
    void aSingleScoreIsABaselineAndAClientWithoutScoresHasNoInstruments() {
        UUID unscreened = registeredClient();
        given().auth()
                .oauth2(Tokens.of("supervisor1"))
                .when()
                .get("/clients/" + unscreened + "/outcomes")
                .then()
                .statusCode(200)
                .body("clientId", equalTo(unscreened.toString()))
                .body("instruments", hasSize(0));

        UUID clientId = registeredClient();
        screen(clientId, "GAD-7", 11, 0);
        awaitSeries(clientId, "GAD-7", 1)
                .body(path("GAD-7", "status"), equalTo("BASELINE"))
                .body(path("GAD-7", "latest.score"), equalTo(11))
                .body(path("GAD-7", "changePoints"), equalTo(null));
    }

    @Test
    void onlyCliniciansAndSupervisorsReadOutcomesOfAClientKnownHere() {
        UUID clientId = registeredClient();
        String outcomes = "/clients/" + clientId + "/outcomes";

        given().auth().oauth2(Tokens.of("billing1")).when().get(outcomes).then().statusCode(403);
        given().auth().oauth2(Tokens.of("admin1")).when().get(outcomes).then().statusCode(403);
        given().when().get(outcomes).then().statusCode(401);
        // An unknown client is refused as any client not the clinician's.
        given().auth()
                .oauth2(Tokens.of("clinician2"))
                .when()
                .get(outcomes)
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:careloop:problem:no-care-relationship"));
        given().auth()
                .oauth2(Tokens.of("clinician1"))
                .when()
                .get("/clients/" + UUID.randomUUID() + "/outcomes")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.of("clinician1"))
                .when()
                .get("/clients/not-a-client/outcomes")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("clientId"));
    }

    @Test
    void anAssessmentDeliveredTwiceOrResentIsOneScore() throws SQLException {
        UUID clientId = registeredClient();
        AssessmentCompleted twice = assessment(clientId, "PHQ-9", 15, 0);
        UUID eventId = UUID.randomUUID();

        KafkaProbe.publish(twice, eventId);
        KafkaProbe.publish(twice, eventId);
        UUID resent = KafkaProbe.publish(twice, UUID.randomUUID());
        // Same key, same partition: once this later score is in, every copy before it was handled.
        screen(clientId, "PHQ-9", 13, 14);

        awaitSeries(clientId, "PHQ-9", 2);
        assertEquals(
                1,
                Rows.count(
                        db,
                        "select count(*) from outcome_score where assessment_id = '"
                                + twice.assessmentId()
                                + "'"));
        assertEquals(
                1,
                Rows.count(db, "select count(*) from inbox where event_id = '" + resent + "'"),
                "intake's resend of the assessment is applied as a no-op, not dead-lettered");
    }

    @Test
    void theScoresRebuiltFromTheInboxAreTheSameRows() throws SQLException {
        UUID clientId = registeredClient();
        screen(clientId, "PHQ-9", 18, 0);
        screen(clientId, "GAD-7", 9, 0);
        screen(clientId, "PHQ-9", 10, 14);
        awaitSeries(clientId, "PHQ-9", 2);
        String clients = "client_id = '" + clientId + "'";
        String before = Rows.dump(db, "outcome_score", clients, "assessment_id");
        List<String> everyRow = Rows.dump(db, "outcome_score", "assessment_id").lines().toList();
        // Lose this client's rows: only the replay of the inbox can bring them back.
        try (Connection connection = db.getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(
                    "delete from outcome_score where client_id = '" + clientId + "'");
        }

        given().auth()
                .oauth2(Tokens.of("admin1"))
                .when()
                .post("/admin/projections/outcomes/rebuild")
                .then()
                .statusCode(200)
                .body("projection", equalTo("outcomes"));

        assertEquals(before, Rows.dump(db, "outcome_score", clients, "assessment_id"));
        // The shared history may hold screenings from before this projection existed, which the
        // replay adds; it never loses a row.
        List<String> rebuilt = Rows.dump(db, "outcome_score", "assessment_id").lines().toList();
        assertTrue(rebuilt.containsAll(everyRow), "a row the rebuild lost");
        awaitSeries(clientId, "PHQ-9", 2)
                .body(path("PHQ-9", "status"), equalTo("NO_RELIABLE_CHANGE"));
        given().auth()
                .oauth2(Tokens.of("admin1"))
                .when()
                .get("/admin/projections")
                .then()
                .statusCode(200)
                .body("$", hasItem("outcomes"));
    }

    /** A GPath to one instrument's member. */
    private static String path(String instrument, String member) {
        return "instruments.find { it.instrument == '" + instrument + "' }." + member;
    }

    private static ValidatableResponse awaitSeries(UUID clientId, String instrument, int size) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> outcomes(clientId).body(path(instrument, "series"), hasSize(size)));
        return outcomes(clientId);
    }

    private static ValidatableResponse outcomes(UUID clientId) {
        return given().auth()
                .oauth2(Tokens.of("clinician1"))
                .when()
                .get("/clients/" + clientId + "/outcomes")
                .then()
                .statusCode(200);
    }

    private static UUID registeredClient() {
        UUID clientId = UUID.randomUUID();
        KafkaProbe.publish(
                new ClientRegistered(
                        clientId,
                        "Measured",
                        "Test",
                        null,
                        null,
                        LocalDate.of(1979, 3, 14),
                        "+1 555 0102",
                        null,
                        "en",
                        INTAKE,
                        "intake1"),
                UUID.randomUUID());
        DataSource db = Arc.container().instance(DataSource.class).get();
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                Rows.count(
                                                db,
                                                "select count(*) from client_directory where client_id = '"
                                                        + clientId
                                                        + "'")
                                        == 1);
        // clinician1's client, with associate1 (supervised by supervisor1) on the team too.
        Clinic.staff();
        Clinic.assign(clientId, "clinician1", "PRIMARY");
        Clinic.assign(clientId, "associate1", "ASSOCIATE");
        return clientId;
    }

    /** Publishes a screening administered the given number of days after intake. */
    private static UUID screen(UUID clientId, String instrument, Integer total, int day) {
        AssessmentCompleted assessment = assessment(clientId, instrument, total, day);
        KafkaProbe.publish(assessment, UUID.randomUUID());
        return assessment.assessmentId();
    }

    private static AssessmentCompleted assessment(
            UUID clientId, String instrument, Integer total, int day) {
        Instant at = INTAKE.plus(Duration.ofDays(day));
        if (total == null) {
            return new AssessmentCompleted(
                    UUID.randomUUID(),
                    clientId,
                    instrument,
                    at,
                    "intake1",
                    null,
                    null,
                    Map.of("wishToBeDead", false, "nonSpecificActiveThoughts", false),
                    null,
                    null,
                    "NONE",
                    List.of(),
                    List.of());
        }
        boolean phq9 = "PHQ-9".equals(instrument);
        return new AssessmentCompleted(
                UUID.randomUUID(),
                clientId,
                instrument,
                at,
                "intake1",
                items(phq9 ? 9 : 7, total),
                null,
                null,
                total,
                total >= 10 ? "MODERATE" : "MILD",
                phq9 ? "NONE" : null,
                List.of(),
                List.of());
    }

    /** Answers adding up to the total, none on PHQ-9's item 9 (no suicide screen here). */
    private static List<Integer> items(int count, int total) {
        List<Integer> items = new ArrayList<>();
        int left = total;
        for (int i = 0; i < count; i++) {
            int answer = i == 8 ? 0 : Math.min(3, left);
            items.add(answer);
            left -= answer;
        }
        return items;
    }
}
