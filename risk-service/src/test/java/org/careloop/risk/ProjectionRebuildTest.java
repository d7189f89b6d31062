package org.careloop.risk;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.careloop.contracts.intake.AssessmentCompleted;
import org.careloop.contracts.intake.ClientRegistered;
import org.careloop.contracts.treatment.ClientDischarged;
import org.careloop.contracts.treatment.ClinicianAssigned;
import org.careloop.contracts.treatment.ClinicianUnassigned;
import org.careloop.platform.testing.CareTeamFixture;
import org.careloop.platform.testing.KafkaProbe;
import org.careloop.platform.testing.Rows;
import org.careloop.platform.testing.Tokens;
import org.careloop.platform.testing.WebhookReceiver;
import org.junit.jupiter.api.Test;

/**
 * Every read model of the risk service is a projection of its event store: a rebuild gives the same
 * answers.
 */
@QuarkusTest
class ProjectionRebuildTest {

    static final List<String> PROJECTIONS =
            List.of(
                    "risk-status",
                    "alert-board",
                    "care-teams",
                    "safety-plans",
                    "escalation-policies",
                    "on-call-rota",
                    "webhooks",
                    "access",
                    "alert-access",
                    "resolved-risk-access",
                    "emergency-grants");

    /**
     * The rota, the ladders and the webhooks: whole tables, which only this class's own steps
     * change meanwhile.
     */
    static final List<String> SETTINGS =
            List.of("escalation_policy", "on_call_shift", "webhook_subscription");

    @Inject DataSource db;

    @Test
    void theRotaTheLaddersAndTheWebhooksAreTheSameAfterARebuild() throws Exception {
        Instant start = Instant.now().plus(Duration.ofDays(60));
        String shiftId =
                given().auth()
                        .oauth2(Tokens.of("supervisor1"))
                        .contentType(ContentType.JSON)
                        .body(
                                "{\"clinician\":\"clinician1\",\"tier\":\"BACKUP\",\"startsAt\":\""
                                        + start
                                        + "\",\"endsAt\":\""
                                        + start.plus(Duration.ofHours(12))
                                        + "\"}")
                        .when()
                        .post("/on-call/shifts")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("shiftId");
        given().auth()
                .oauth2(Tokens.of("supervisor1"))
                .contentType(ContentType.JSON)
                .body(
                        "{\"steps\":[{\"tier\":\"PRIMARY\",\"ackTimeout\":\"PT3M\"},{\"tier\":\"CRISIS_TEAM\"}]}")
                .when()
                .put("/escalation-policies/CRITICAL")
                .then()
                .statusCode(200);
        try (WebhookReceiver pager = new WebhookReceiver(0)) {
            String webhookId =
                    given().auth()
                            .oauth2(Tokens.of("admin1"))
                            .contentType(ContentType.JSON)
                            .body(
                                    "{\"url\":\""
                                            + pager.url()
                                            + "\",\"secret\":\"a-rebuild-test-secret\"}")
                            .when()
                            .post("/webhooks")
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("webhookId");
            try {
                // Changes after the first event: a shift given to another, a webhook switched off
                // and its secret rotated.
                given().auth()
                        .oauth2(Tokens.of("supervisor1"))
                        .contentType(ContentType.JSON)
                        .body("{\"clinician\":\"clinician3\"}")
                        .when()
                        .post("/on-call/shifts/" + shiftId + "/replacement")
                        .then()
                        .statusCode(200);
                given().auth()
                        .oauth2(Tokens.of("admin1"))
                        .when()
                        .post("/webhooks/" + webhookId + "/disable")
                        .then()
                        .statusCode(200);
                given().auth()
                        .oauth2(Tokens.of("admin1"))
                        .contentType(ContentType.JSON)
                        .body("{}")
                        .when()
                        .post("/webhooks/" + webhookId + "/secret-rotations")
                        .then()
                        .statusCode(201);
                String before = settings();
                assertTrue(before.contains("clinician3"), before);

                for (String projection :
                        List.of("escalation-policies", "on-call-rota", "webhooks")) {
                    given().auth()
                            .oauth2(Tokens.of("admin1"))
                            .when()
                            .post("/admin/projections/" + projection + "/rebuild")
                            .then()
                            .statusCode(200);
                }

                assertEquals(before, settings());
                given().auth()
                        .oauth2(Tokens.of("supervisor1"))
                        .when()
                        .get("/escalation-policies/CRITICAL")
                        .then()
                        .statusCode(200)
                        .body("steps[0].ackTimeout", equalTo("PT3M"));
                given().auth()
                        .oauth2(Tokens.of("admin1"))
                        .when()
                        .get("/webhooks")
                        .then()
                        .statusCode(200)
                        .body("webhookId", hasItem(webhookId));
            } finally {
                given().auth()
                        .oauth2(Tokens.of("admin1"))
                        .when()
                        .delete("/webhooks/" + webhookId)
                        .then()
                        .statusCode(204);
            }
        } finally {
            given().auth()
                    .oauth2(Tokens.of("supervisor1"))
                    .when()
                    .delete("/on-call/shifts/" + shiftId)
                    .then()
                    .statusCode(204);
            given().auth()
                    .oauth2(Tokens.of("supervisor1"))
                    .when()
                    .delete("/escalation-policies/CRITICAL")
                    .then()
                    .statusCode(200);
        }
        assertFalse(settings().contains(shiftId), "a cancelled shift leaves the rota");
    }

    private String settings() throws SQLException {
        StringBuilder all = new StringBuilder();
        for (String table : SETTINGS) {
            all.append(table).append(":\n").append(Rows.dump(db, table, "1"));
        }
        return all.toString();
    }

    @Test
    void riskStatusAlertBoardAndSafetyPlansAreTheSameAfterARebuild() throws SQLException {
        UUID clientId = UUID.randomUUID();
        KafkaProbe.publish(
                new ClientRegistered(
                        clientId,
                        "Rebuilt",
                        "Test",
                        null,
                        null,
                        LocalDate.of(1980, 3, 3),
                        "+1 555 0102",
                        null,
                        "en",
                        Instant.now(),
                        "intake1"),
                UUID.randomUUID());
        CareTeamFixture.onCareTeam(clientId, "supervisor1", "clinician1");
        KafkaProbe.publish(
                new AssessmentCompleted(
                        UUID.randomUUID(),
                        clientId,
                        "PHQ-9",
                        Instant.now(),
                        "intake1",
                        List.of(3, 3, 3, 3, 3, 3, 3, 3, 3),
                        null,
                        null,
                        27,
                        "SEVERE",
                        "HIGH",
                        List.of("ITEM9_POSITIVE"),
                        List.of()),
                UUID.randomUUID());
        String alertId =
                await().atMost(Duration.ofSeconds(30))
                        .until(
                                () ->
                                        given().auth()
                                                .oauth2(Tokens.of("supervisor1"))
                                                .when()
                                                .get("/clients/" + clientId)
                                                .then()
                                                .extract()
                                                .path("recentAlerts[0].alertId"),
                                id -> id != null);
        given().auth()
                .oauth2(Tokens.of("supervisor1"))
                .when()
                .post("/alerts/" + alertId + "/acknowledgements")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"));
        for (String sign : List.of("Not sleeping", "Giving things away")) {
            given().auth()
                    .oauth2(Tokens.of("clinician1"))
                    .contentType(ContentType.JSON)
                    .body(PLAN.formatted(sign))
                    .when()
                    .put("/clients/" + clientId + "/safety-plan")
                    .then()
                    .statusCode(200);
        }
        String before = dump(clientId);
        assertNotEquals("", dump(clientId, "alert_board"), "the alert is on the board");

        for (String projection : List.of("risk-status", "alert-board", "safety-plans")) {
            given().auth()
                    .oauth2(Tokens.of("admin1"))
                    .when()
                    .post("/admin/projections/" + projection + "/rebuild")
                    .then()
                    .statusCode(200)
                    .body("projection", equalTo(projection));
        }

        assertEquals(before, dump(clientId));
        given().auth()
                .oauth2(Tokens.of("admin1"))
                .when()
                .get("/admin/projections")
                .then()
                .statusCode(200)
                .body(
                        "$",
                        containsInAnyOrder(
                                Stream.concat(Stream.of("clients"), PROJECTIONS.stream())
                                        .toArray()));
        given().auth()
                .oauth2(Tokens.of("supervisor1"))
                .when()
                .get("/clients/" + clientId)
                .then()
                .statusCode(200)
                .body("riskLevel", equalTo("HIGH"))
                .body("safetyPlanVersion", equalTo(2))
                .body("recentAlerts[0].status", equalTo("ACKNOWLEDGED"));
    }

    @Test
    void theCareTeamsAreTheSameAfterARebuild() throws SQLException {
        UUID clientId = UUID.randomUUID();
        UUID discharged = UUID.randomUUID();
        for (String[] member :
                List.of(
                        new String[] {"clinician1", "PRIMARY"},
                        new String[] {"clinician2", "ASSOCIATE"},
                        new String[] {"clinician2", "PRIMARY"},
                        new String[] {"supervisor1", "PRESCRIBER"})) {
            KafkaProbe.publish(
                    new ClinicianAssigned(
                            clientId, member[0], member[1], Instant.now(), "supervisor1"),
                    UUID.randomUUID());
        }
        KafkaProbe.publish(
                new ClinicianUnassigned(
                        clientId, "supervisor1", "PRESCRIBER", "moved", Instant.now(), "admin1"),
                UUID.randomUUID());
        KafkaProbe.publish(
                new ClinicianAssigned(
                        discharged, "clinician1", "PRIMARY", Instant.now(), "supervisor1"),
                UUID.randomUUID());
        KafkaProbe.publish(
                new ClientDischarged(
                        discharged, "moved away", false, null, Instant.now(), "clinician1"),
                UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                Rows.count(
                                        db,
                                        "select count(*) from inbox where event_type like"
                                                + " 'careloop.treatment.%' and subject in ('"
                                                + clientId
                                                + "', '"
                                                + discharged
                                                + "')"),
                        count -> count == 7);
        String ours = "client_id in ('" + clientId + "', '" + discharged + "')";
        String before = Rows.dump(db, "care_team_member", ours, "1, 2, 3");
        assertEquals(
                2,
                Rows.count(
                        db,
                        "select count(*) from care_team_member where client_id = '"
                                + clientId
                                + "'"),
                before);

        given().auth()
                .oauth2(Tokens.of("admin1"))
                .when()
                .post("/admin/projections/care-teams/rebuild")
                .then()
                .statusCode(200)
                .body("projection", equalTo("care-teams"));

        assertEquals(before, Rows.dump(db, "care_team_member", ours, "1, 2, 3"));
    }

    private String dump(UUID clientId) throws SQLException {
        StringBuilder all = new StringBuilder();
        for (String table : List.of("risk_status", "alert_board", "safety_plan_version")) {
            all.append(table).append(":\n").append(dump(clientId, table));
        }
        return all.toString();
    }

    private String dump(UUID clientId, String table) throws SQLException {
        return Rows.dump(db, table, "client_id = '" + clientId + "'", "1, 2");
    }

    static final String PLAN =
            """
            {"warningSigns":["%s"],"internalCopingStrategies":["Walk the dog"],"socialDistractions":["Library"],
             "peopleToAskForHelp":["Brother"],"professionalContacts":["988"],
             "environmentSafety":["Medication locked away"]}""";
}
