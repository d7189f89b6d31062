package org.careloop.risk.alert;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.careloop.contracts.Topics;
import org.careloop.contracts.codec.EventJson;
import org.careloop.contracts.intake.AssessmentCompleted;
import org.careloop.contracts.intake.ClientRegistered;
import org.careloop.platform.outbound.Signature;
import org.careloop.platform.testing.CareTeamFixture;
import org.careloop.platform.testing.KafkaProbe;
import org.careloop.platform.testing.SseListener;
import org.careloop.platform.testing.Tokens;
import org.careloop.platform.testing.WebhookReceiver;
import org.careloop.risk.risklevel.RegistryTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CrisisAlertTest {

    /** The ladder's own steps, without the webhook attempts interleaved in the timeline. */
    static final String STEPS = "timeline.findAll { !it.what.startsWith('WEBHOOK') }";

    @TestHTTPResource("/alerts/stream")
    URL stream;

    @Inject DataSource db;

    /** The shifts this test put on the rota, taken off again after it. */
    final List<String> shifts = new ArrayList<>();

    @BeforeEach
    void shortLadderAndARota() {
        given().auth()
                .oauth2(Tokens.of("supervisor1"))
                .contentType(ContentType.JSON)
                .body(
                        "{\"steps\":[{\"tier\":\"PRIMARY\",\"ackTimeout\":\"PT2S\"},{\"tier\":\"BACKUP\",\"ackTimeout\":\"PT2S\"},"
                                + "{\"tier\":\"SUPERVISOR\",\"ackTimeout\":\"PT10M\"},{\"tier\":\"CRISIS_TEAM\"}]}")
                .when()
                .put("/escalation-policies/URGENT")
                .then()
                .statusCode(200);
        shifts.add(shift("oncall1", "PRIMARY"));
        shifts.add(shift("oncall2", "BACKUP"));
    }

    @AfterEach
    void theClinicsLadderAndAnEmptyRota() {
        for (String shiftId : shifts) {
            given().auth()
                    .oauth2(Tokens.of("supervisor1"))
                    .when()
                    .delete("/on-call/shifts/" + shiftId)
                    .then()
                    .statusCode(204);
        }
        given().auth()
                .oauth2(Tokens.of("supervisor1"))
                .when()
                .delete("/escalation-policies/URGENT")
                .then()
                .statusCode(200)
                .body("steps[0].ackTimeout", equalTo("PT15M"));
    }

    @Test
    void aPositiveItemNineReachesThePrimaryThenTheBackupWhoAcknowledges() throws Exception {
        UUID clientId = UUID.randomUUID();
        try (SseListener primary = new SseListener(stream.toString(), Tokens.of("oncall1"));
                SseListener backup = new SseListener(stream.toString(), Tokens.of("oncall2"))) {
            screen(
                    clientId,
                    List.of(1, 1, 1, 1, 1, 1, 1, 1, 2),
                    "MODERATE",
                    List.of("ITEM9_POSITIVE"));

            JsonNode raised =
                    primary.next(
                            e -> clientId.toString().equals(e.get("clientId").asText()), 15_000);
            assertEquals("RAISED", raised.get("kind").asText());
            assertEquals("PRIMARY", raised.get("tier").asText());
            assertEquals("URGENT", raised.get("priority").asText());
            assertEquals("Grace Test", raised.get("clientName").asText());
            assertEquals("+1 555 0101", raised.get("clientPhone").asText());
            String alertId = raised.get("alertId").asText();

            JsonNode escalated =
                    backup.next(e -> alertId.equals(e.get("alertId").asText()), 10_000);
            assertEquals("ESCALATED", escalated.get("kind").asText());
            assertEquals("BACKUP", escalated.get("tier").asText());
            assertEquals(2, escalated.get("step").asInt());

            given().auth()
                    .oauth2(Tokens.of("oncall1"))
                    .when()
                    .post("/alerts/" + alertId + "/acknowledgements")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
            given().auth()
                    .oauth2(Tokens.of("oncall2"))
                    .when()
                    .post("/alerts/" + alertId + "/acknowledgements")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("ACKNOWLEDGED"));
            given().auth()
                    .oauth2(Tokens.of("oncall2"))
                    .when()
                    .post("/alerts/" + alertId + "/acknowledgements")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("ACKNOWLEDGED"));

            // Past the backup's timeout, the acknowledged alert has climbed no further.
            await().during(Duration.ofMillis(2500))
                    .atMost(Duration.ofSeconds(5))
                    .untilAsserted(
                            () ->
                                    given().auth()
                                            .oauth2(Tokens.of("supervisor1"))
                                            .when()
                                            .get("/alerts/" + alertId)
                                            .then()
                                            .statusCode(200)
                                            .body(
                                                    STEPS + ".what",
                                                    contains("RAISED", "ESCALATED", "ACKNOWLEDGED"))
                                            .body(
                                                    STEPS + ".who",
                                                    contains("oncall1", "oncall2", "oncall2")));
        }
        String alertId =
                given().auth()
                        .oauth2(Tokens.of("oncall1"))
                        .when()
                        .get("/clients/" + clientId)
                        .then()
                        .extract()
                        .path("recentAlerts[0].alertId");
        given().auth()
                .oauth2(Tokens.of("oncall1"))
                .queryParam("status", "ACKNOWLEDGED")
                .when()
                .get("/alerts")
                .then()
                .statusCode(200)
                .body("alertId", hasItem(alertId));
        given().auth()
                .oauth2(Tokens.of("oncall2"))
                .queryParam("status", "OPEN")
                .when()
                .get("/alerts")
                .then()
                .statusCode(200)
                .body("alertId", not(hasItem(alertId)));
        given().auth()
                .oauth2(Tokens.of("clinician2"))
                .when()
                .get("/alerts")
                .then()
                .statusCode(200)
                .body("alertId", not(hasItem(alertId)));
        given().auth()
                .oauth2(Tokens.of("clinician2"))
                .when()
                .get("/alerts/" + alertId)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.of("oncall1"))
                .queryParam("status", "SNOOZED")
                .when()
                .get("/alerts")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("status"));
        given().auth()
                .oauth2(Tokens.of("oncall1"))
                .when()
                .get("/clients/" + clientId)
                .then()
                .statusCode(200)
                .body("riskLevel", equalTo("MODERATE"))
                .body("lastName", equalTo("Test"))
                .body("recentAlerts", hasSize(1));
        KafkaProbe.await(
                Topics.RISK,
                r ->
                        clientId.toString().equals(r.key())
                                && "careloop.risk.RiskEscalated.v1"
                                        .equals(KafkaProbe.header(r, "ce_type")),
                Duration.ofSeconds(15));
        KafkaProbe.await(
                Topics.RISK,
                r ->
                        clientId.toString().equals(r.key())
                                && "careloop.risk.AlertAcknowledged.v1"
                                        .equals(KafkaProbe.header(r, "ce_type")),
                Duration.ofSeconds(15));
    }

    @Test
    void anAlertThatCannotMoveHoldsUpNoOther() throws Exception {
        // An alert whose history cannot be read, overdue since before anything else: the first the
        // clock meets.
        UUID broken = UUID.randomUUID();
        try (Connection sql = db.getConnection()) {
            execute(
                    sql,
                    "insert into event_store (stream_type, stream_id, version, event_id, event_type, payload, "
                            + "actor, recorded_at) values ('alert', ?, 1, ?, 'careloop.risk.alert.Unreadable', '{}', 'test', "
                            + "now() - interval '1 hour')",
                    broken,
                    UUID.randomUUID());
            execute(
                    sql,
                    "insert into deadline (kind, stream_id, step, due_at) "
                            + "values ('alert-escalation', ?, 1, now() - interval '1 hour')",
                    broken);
        }
        try (SseListener backup = new SseListener(stream.toString(), Tokens.of("oncall2"))) {
            UUID clientId = UUID.randomUUID();
            screen(
                    clientId,
                    List.of(1, 1, 1, 1, 1, 1, 1, 1, 2),
                    "MODERATE",
                    List.of("ITEM9_POSITIVE"));

            JsonNode escalated =
                    backup.next(
                            e -> clientId.toString().equals(e.get("clientId").asText()), 15_000);
            assertEquals("ESCALATED", escalated.get("kind").asText());
            assertEquals("BACKUP", escalated.get("tier").asText());
        } finally {
            try (Connection sql = db.getConnection()) {
                execute(sql, "delete from deadline where stream_id = ?", broken);
                execute(sql, "delete from event_store where stream_id = ?", broken.toString());
            }
        }
    }

    private static void execute(Connection sql, String statement, Object... parameters)
            throws SQLException {
        try (PreparedStatement prepared = sql.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                prepared.setObject(i + 1, parameters[i]);
            }
            prepared.executeUpdate();
        }
    }

    @Test
    void everyAlertStepIsPostedToTheWebhooksSignedWithoutClientDataAndRetriedUntilDelivered()
            throws Exception {
        String secret = "a-secret-of-at-least-16";
        try (WebhookReceiver pager = new WebhookReceiver(1)) {
            given().auth()
                    .oauth2(Tokens.of("admin1"))
                    .contentType(ContentType.JSON)
                    .body("{\"url\":\"" + pager.url() + "\",\"secret\":\"" + secret + "\"}")
                    .when()
                    .post("/webhooks")
                    .then()
                    .statusCode(201)
                    .body("secret", nullValue());
            given().auth()
                    .oauth2(Tokens.of("supervisor1"))
                    .contentType(ContentType.JSON)
                    .body("{\"url\":\"" + pager.url() + "\",\"secret\":\"" + secret + "\"}")
                    .when()
                    .post("/webhooks")
                    .then()
                    .statusCode(403);
            UUID clientId = UUID.randomUUID();
            screen(
                    clientId,
                    List.of(0, 0, 0, 0, 0, 0, 0, 0, 3),
                    "MODERATE",
                    List.of("ITEM9_POSITIVE"));

            String alertId =
                    await().atMost(Duration.ofSeconds(20))
                            .until(
                                    () ->
                                            given().auth()
                                                    .oauth2(Tokens.of("supervisor1"))
                                                    .when()
                                                    .get("/clients/" + clientId)
                                                    .then()
                                                    .extract()
                                                    .path("recentAlerts[0].alertId"),
                                    java.util.Objects::nonNull);
            await().atMost(Duration.ofSeconds(20))
                    .until(
                            () ->
                                    pager.received().stream()
                                            .anyMatch(
                                                    r ->
                                                            r.answeredWith() == 204
                                                                    && r.body().contains(alertId)
                                                                    && r.body()
                                                                            .contains(
                                                                                    "\"kind\":\"RAISED\"")));

            // The one refused delivery was sent again, the same body, until it was taken.
            WebhookReceiver.Received refused = pager.received().get(0);
            assertEquals(503, refused.answeredWith());
            await().atMost(Duration.ofSeconds(10))
                    .until(
                            () ->
                                    pager.received().stream()
                                            .anyMatch(
                                                    r ->
                                                            r.answeredWith() == 204
                                                                    && r.body()
                                                                            .equals(
                                                                                    refused
                                                                                            .body())));
            String refusedAlert =
                    EventJson.mapper().readTree(refused.body()).get("alertId").asText();
            given().auth()
                    .oauth2(Tokens.of("supervisor1"))
                    .when()
                    .get("/alerts/" + refusedAlert)
                    .then()
                    .statusCode(200)
                    .body("timeline.what", hasItem("WEBHOOK_FAILED"))
                    .body("timeline.what", hasItem("WEBHOOK_DELIVERED"));
            for (WebhookReceiver.Received request : pager.received()) {
                assertEquals(Signature.of(request.body(), secret), request.signature());
                assertFalse(request.body().contains("Grace"), "no client name leaves in a webhook");
                assertFalse(
                        request.body().contains(clientId.toString()),
                        "no client id leaves in a webhook");
            }
            given().auth()
                    .oauth2(Tokens.of("admin1"))
                    .when()
                    .post("/alerts/" + alertId + "/acknowledgements")
                    .then()
                    .statusCode(403);
        }
    }

    @Test
    void aQuietStreamCarriesKeepAlivesAndRefusesCallersWithoutAClinicalRole() throws Exception {
        // The test profile sends one every second.
        try (SseListener console = new SseListener(stream.toString(), Tokens.of("oncall2"))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> console.comments() >= 2);
        }
        given().auth()
                .oauth2(Tokens.of("billing1"))
                .when()
                .get("/alerts/stream")
                .then()
                .statusCode(403);
        given().when().get("/alerts/stream").then().statusCode(401);
        // A console that is refused learns why at once, instead of waiting on a stream that will
        // never speak.
        try (SseListener refused = new SseListener(stream.toString(), Tokens.of("billing1"))) {
            AssertionError error =
                    assertThrows(AssertionError.class, () -> refused.next(event -> true, 10_000));
            assertTrue(error.getMessage().contains("HTTP 403"), error.getMessage());
        }
    }

    @Test
    void aClinicianCanLowerTheLevelWithARationaleWhichClosesTheEpisode() {
        UUID clientId = UUID.randomUUID();
        screen(clientId, List.of(0, 0, 0, 0, 0, 0, 0, 0, 1), "MODERATE", List.of("ITEM9_POSITIVE"));
        CareTeamFixture.onCareTeam(clientId, "clinician1");
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(
                        () ->
                                given().auth()
                                        .oauth2(Tokens.of("clinician1"))
                                        .when()
                                        .get("/clients/" + clientId)
                                        .then()
                                        .statusCode(200)
                                        .body("riskLevel", equalTo("MODERATE")));
        assertTrue(
                RegistryTest.everyPage("100").stream()
                        .anyMatch(e -> clientId.toString().equals(e.get("clientId"))));

        given().auth()
                .oauth2(Tokens.of("clinician1"))
                .contentType(ContentType.JSON)
                .body(
                        "{\"riskLevel\":\"LOW\",\"rationale\":\"Denies intent; safety plan reviewed\"}")
                .when()
                .post("/clients/" + clientId + "/assessments")
                .then()
                .statusCode(201)
                .body("riskLevel", equalTo("LOW"))
                .body("episodeId", equalTo(null));
        KafkaProbe.await(
                Topics.RISK,
                r ->
                        clientId.toString().equals(r.key())
                                && "careloop.risk.RiskResolved.v1"
                                        .equals(KafkaProbe.header(r, "ce_type")),
                Duration.ofSeconds(15));
        given().auth()
                .oauth2(Tokens.of("clinician1"))
                .contentType(ContentType.JSON)
                .body("{\"riskLevel\":\"EXTREME\",\"rationale\":\"x\"}")
                .when()
                .post("/clients/" + clientId + "/assessments")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("riskLevel"));
        given().auth()
                .oauth2(Tokens.of("intake1"))
                .contentType(ContentType.JSON)
                .body("{\"riskLevel\":\"LOW\",\"rationale\":\"x\"}")
                .when()
                .post("/clients/" + clientId + "/assessments")
                .then()
                .statusCode(403);
    }

    @Test
    void badLaddersAndOverlappingShiftsAreRefused() {
        given().auth()
                .oauth2(Tokens.of("supervisor1"))
                .contentType(ContentType.JSON)
                .body(
                        "{\"steps\":[{\"tier\":\"PRIMARY\"},{\"tier\":\"BACKUP\",\"ackTimeout\":\"PT5M\"}]}")
                .when()
                .put("/escalation-policies/CRITICAL")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("steps[0].ackTimeout"));
        given().auth()
                .oauth2(Tokens.of("supervisor1"))
                .contentType(ContentType.JSON)
                .body("{\"steps\":[{\"tier\":\"PRIMARY\",\"ackTimeout\":\"five minutes\"}]}")
                .when()
                .put("/escalation-policies/CRITICAL")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("steps[0].ackTimeout"));
        given().auth()
                .oauth2(Tokens.of("supervisor1"))
                .contentType(ContentType.JSON)
                .body("{\"steps\":[{\"tier\":\"PRIMARY\",\"ackTimeout\":\"PT5M\"}]}")
                .when()
                .put("/escalation-policies/SOMETIME")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("priority"));
        given().auth()
                .oauth2(Tokens.of("oncall1"))
                .contentType(ContentType.JSON)
                .body("{\"steps\":[{\"tier\":\"PRIMARY\",\"ackTimeout\":\"PT5M\"}]}")
                .when()
                .put("/escalation-policies/CRITICAL")
                .then()
                .statusCode(403);

        Instant start = Instant.now().plus(Duration.ofDays(30));
        String shift =
                "{\"clinician\":\"clinician2\",\"tier\":\"SUPERVISOR\",\"startsAt\":\"%s\",\"endsAt\":\"%s\"}";
        shifts.add(
                given().auth()
                        .oauth2(Tokens.of("supervisor1"))
                        .contentType(ContentType.JSON)
                        .body(shift.formatted(start, start.plus(Duration.ofHours(8))))
                        .when()
                        .post("/on-call/shifts")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("shiftId"));
        given().auth()
                .oauth2(Tokens.of("supervisor1"))
                .contentType(ContentType.JSON)
                .body(
                        shift.formatted(
                                start.plus(Duration.ofHours(7)), start.plus(Duration.ofHours(9))))
                .when()
                .post("/on-call/shifts")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.of("supervisor1"))
                .contentType(ContentType.JSON)
                .body(
                        shift.formatted(
                                start.plus(Duration.ofHours(9)), start.plus(Duration.ofHours(8))))
                .when()
                .post("/on-call/shifts")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("endsAt"));
        given().auth()
                .oauth2(Tokens.of("oncall1"))
                .when()
                .get("/on-call/now")
                .then()
                .statusCode(200)
                .body("clinician", hasItem("oncall1"));
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

    private static void screen(
            UUID clientId, List<Integer> items, String riskLevel, List<String> flags) {
        KafkaProbe.publish(
                new ClientRegistered(
                        clientId,
                        "Grace",
                        "Test",
                        null,
                        null,
                        LocalDate.of(1985, 6, 1),
                        "+1 555 0101",
                        null,
                        "en",
                        Instant.now(),
                        "intake1"),
                UUID.randomUUID());
        CareTeamFixture.onCareTeam(clientId, "supervisor1");
        KafkaProbe.publish(
                new AssessmentCompleted(
                        UUID.randomUUID(),
                        clientId,
                        "PHQ-9",
                        Instant.now(),
                        "intake1",
                        items,
                        null,
                        null,
                        items.stream().mapToInt(Integer::intValue).sum(),
                        "MILD",
                        riskLevel,
                        flags,
                        List.of()),
                UUID.randomUUID());
    }
}
