package org.careloop.system;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.careloop.contracts.Topics;
import org.careloop.contracts.codec.EventJson;
import org.careloop.platform.testing.KafkaProbe;
import org.careloop.platform.testing.SseListener;
import org.careloop.platform.testing.Tokens;
import org.careloop.platform.testing.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The heart of the product: a positive screen at intake reaches the on-call clinician and climbs
 * until answered.
 */
class CrisisAlertFlowTest {

    /** The ladder's own steps, without the webhook attempts interleaved in the timeline. */
    static final String STEPS = "timeline.findAll { !it.what.startsWith('WEBHOOK') }";

    static final String STREAM = Stack.GATEWAY + "/api/risk/alerts/stream";

    /** The shifts this class put on the rota, taken off again after it. */
    static final List<String> SHIFTS = new ArrayList<>();

    @BeforeAll
    static void shortLaddersAndARota() {
        ladder("URGENT", "PT2S", "PT2S");
        ladder("CRITICAL", "PT4S", "PT4S");
        SHIFTS.add(shift("oncall1", "PRIMARY"));
        SHIFTS.add(shift("oncall2", "BACKUP"));
        SHIFTS.add(shift("supervisor1", "SUPERVISOR"));
    }

    @AfterAll
    static void theClinicsLaddersAndAnEmptyRota() {
        for (String shiftId : SHIFTS) {
            Stack.as("supervisor1")
                    .when()
                    .delete("/api/risk/on-call/shifts/" + shiftId)
                    .then()
                    .statusCode(204);
        }
        for (String priority : List.of("URGENT", "CRITICAL")) {
            Stack.as("supervisor1")
                    .when()
                    .delete("/api/risk/escalation-policies/" + priority)
                    .then()
                    .statusCode(200);
        }
    }

    @Test
    void aPositiveItemNineAlertsThePrimaryEscalatesToTheBackupAndStopsWhenAcknowledged()
            throws Exception {
        String clientId = register("Item", "Nine");
        String secret = "pager-secret-" + clientId;
        try (WebhookReceiver pager = new WebhookReceiver(0);
                SseListener primary = new SseListener(STREAM, Tokens.of("oncall1"));
                SseListener backup = new SseListener(STREAM, Tokens.of("oncall2"))) {
            String webhookId =
                    Stack.as("admin1")
                            .contentType(ContentType.JSON)
                            .body("{\"url\":\"" + pager.url() + "\",\"secret\":\"" + secret + "\"}")
                            .when()
                            .post("/api/risk/webhooks")
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("webhookId");
            try {
                Stack.as("intake1")
                        .contentType(ContentType.JSON)
                        .body("{\"instrument\":\"PHQ-9\",\"answers\":[1,1,1,1,1,1,1,1,2]}")
                        .when()
                        .post("/api/intake/clients/" + clientId + "/assessments")
                        .then()
                        .statusCode(201)
                        .body("riskLevel", equalTo("MODERATE"));

                // The bound: the primary's console shows the alert within 2 seconds of the
                // screen.
                JsonNode raised =
                        primary.next(e -> clientId.equals(e.get("clientId").asText()), 2_000);
                assertEquals("PRIMARY", raised.get("tier").asText());
                assertEquals("Item Nine", raised.get("clientName").asText());
                String alertId = raised.get("alertId").asText();

                JsonNode escalated =
                        backup.next(e -> alertId.equals(e.get("alertId").asText()), 10_000);
                assertEquals("BACKUP", escalated.get("tier").asText());
                Stack.as("oncall2")
                        .when()
                        .post("/api/risk/alerts/" + alertId + "/acknowledgements")
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("ACKNOWLEDGED"));

                // A barrier instead of a quiet window: a later alert on the same ladder climbs two
                // rungs. By then this
                // alert's next rung was long due, so had the acknowledgement not stopped it, it
                // would show.
                String marker = register("Later", "Marker");
                Stack.as("intake1")
                        .contentType(ContentType.JSON)
                        .body("{\"instrument\":\"PHQ-9\",\"answers\":[1,1,1,1,1,1,1,1,2]}")
                        .when()
                        .post("/api/intake/clients/" + marker + "/assessments")
                        .then()
                        .statusCode(201);
                String markerAlert =
                        primary.next(e -> marker.equals(e.get("clientId").asText()), 10_000)
                                .get("alertId")
                                .asText();
                await().atMost(Duration.ofSeconds(30))
                        .untilAsserted(
                                () ->
                                        Stack.as("supervisor1")
                                                .when()
                                                .get("/api/risk/alerts/" + markerAlert)
                                                .then()
                                                .statusCode(200)
                                                .body("alert.tier", equalTo("SUPERVISOR")));
                Stack.as("supervisor1")
                        .when()
                        .post("/api/risk/alerts/" + markerAlert + "/acknowledgements")
                        .then()
                        .statusCode(200);
                Stack.as("supervisor1")
                        .when()
                        .get("/api/risk/alerts/" + alertId)
                        .then()
                        .statusCode(200)
                        .body(STEPS + ".what", contains("RAISED", "ESCALATED", "ACKNOWLEDGED"));

                // The pager got each step, signed with the shared secret, and nothing that names
                // the client.
                await().atMost(Duration.ofSeconds(10))
                        .until(
                                () ->
                                        pager.received().stream()
                                                        .filter(r -> r.body().contains(alertId))
                                                        .count()
                                                >= 2);
                List<WebhookReceiver.Received> steps =
                        pager.received().stream().filter(r -> r.body().contains(alertId)).toList();
                assertEquals(
                        List.of("RAISED", "ESCALATED"),
                        steps.stream().map(r -> read(r.body()).get("kind").asText()).toList());
                for (WebhookReceiver.Received step : steps) {
                    assertEquals(hmacSha256(step.body(), secret), step.signature());
                    assertFalse(step.body().contains(clientId) || step.body().contains("Nine"));
                }
            } finally {
                Stack.as("admin1")
                        .when()
                        .delete("/api/risk/webhooks/" + webhookId)
                        .then()
                        .statusCode(204);
            }
        }
    }

    /**
     * The signature a pager computes to trust a call: written here from the spec, independently of
     * the service.
     */
    private static String hmacSha256(String body, String secret) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(
                new javax.crypto.spec.SecretKeySpec(
                        secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256="
                + java.util.HexFormat.of()
                        .formatHex(
                                mac.doFinal(
                                        body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void riskServiceKilledMidLadderNeitherLosesNorRepeatsAStep() throws Exception {
        String clientId = register("Killed", "Midladder");
        // clinician1 screens their own client.
        Stack.careFor("clinician1", clientId);
        String alertId;
        Instant primaryDeadline;
        try (SseListener primary = new SseListener(STREAM, Tokens.of("oncall1"))) {
            Stack.as("clinician1")
                    .contentType(ContentType.JSON)
                    .body(
                            """
                            {"instrument":"C-SSRS-SCREENER","answers":{"wishToBeDead":true,"nonSpecificActiveThoughts":true,
                             "thoughtsWithMethod":true,"intentWithoutPlan":false,"intentWithPlan":true,
                             "suicidalBehavior":false}}""")
                    .when()
                    .post("/api/intake/clients/" + clientId + "/assessments")
                    .then()
                    .statusCode(201)
                    .body("riskLevel", equalTo("HIGH"));
            JsonNode raised =
                    primary.next(e -> clientId.equals(e.get("clientId").asText()), 10_000);
            alertId = raised.get("alertId").asText();
            primaryDeadline = Instant.parse(raised.get("raisedAt").asText()).plusSeconds(4);
        }
        Stack.care("kill", "risk-service");
        // The primary's deadline passes while the service is down.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Instant.now().isAfter(primaryDeadline.plusMillis(500)));
        Stack.care("start", "risk-service");

        String id = alertId;
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                Stack.as("supervisor1")
                                        .when()
                                        .get("/api/risk/alerts/" + id)
                                        .then()
                                        .statusCode(200)
                                        .body("alert.tier", equalTo("SUPERVISOR")));
        // A barrier instead of a quiet window: the acknowledgement is published after every step
        // before it (same
        // client, same partition, outbox order), so once it is on the topic, a repeated step would
        // be there too.
        Stack.as("supervisor1")
                .when()
                .post("/api/risk/alerts/" + id + "/acknowledgements")
                .then()
                .statusCode(200);
        KafkaProbe.await(
                Topics.RISK,
                r ->
                        "careloop.risk.AlertAcknowledged.v1".equals(KafkaProbe.header(r, "ce_type"))
                                && id.equals(read(r.value()).get("alertId").asText()),
                Duration.ofSeconds(30));
        Stack.as("supervisor1")
                .when()
                .get("/api/risk/alerts/" + id)
                .then()
                .body(STEPS + ".what", contains("RAISED", "ESCALATED", "ESCALATED", "ACKNOWLEDGED"))
                .body(STEPS + ".tier", contains("PRIMARY", "BACKUP", "SUPERVISOR", "SUPERVISOR"));
        List<Integer> publishedSteps =
                KafkaProbe.records(Topics.RISK).stream()
                        .filter(
                                r ->
                                        "careloop.risk.AlertEscalated.v1"
                                                .equals(KafkaProbe.header(r, "ce_type")))
                        .map(r -> read(r.value()))
                        .filter(e -> id.equals(e.get("alertId").asText()))
                        .map(e -> e.get("step").asInt())
                        .collect(Collectors.toList());
        assertEquals(List.of(2, 3), publishedSteps, "one AlertEscalated per step, in order");
    }

    static String register(String first, String last) {
        String location =
                Stack.as("intake1")
                        .contentType(ContentType.JSON)
                        .body(
                                "{\"firstName\":\""
                                        + first
                                        + "\",\"lastName\":\""
                                        + last
                                        + "\",\"dateOfBirth\":\"1992-03-04\",\"phone\":\"+1 555 0199\"}")
                        .when()
                        .post("/api/intake/clients")
                        .then()
                        .statusCode(201)
                        .extract()
                        .header("Location");
        String clientId = location.substring(location.lastIndexOf('/') + 1);
        // Risk knows the client before the screen: the path through the broker is warm. (Right
        // after the other test
        // restarted risk-service, its consumer may still be rejoining the group.)
        Stack.awaitClient("risk", clientId, Duration.ofSeconds(60));
        return clientId;
    }

    private static void ladder(String priority, String primary, String backup) {
        Stack.as("supervisor1")
                .contentType(ContentType.JSON)
                .body(
                        "{\"steps\":[{\"tier\":\"PRIMARY\",\"ackTimeout\":\""
                                + primary
                                + "\"},"
                                + "{\"tier\":\"BACKUP\",\"ackTimeout\":\""
                                + backup
                                + "\"},"
                                + "{\"tier\":\"SUPERVISOR\",\"ackTimeout\":\"PT10M\"},{\"tier\":\"CRISIS_TEAM\"}]}")
                .when()
                .put("/api/risk/escalation-policies/" + priority)
                .then()
                .statusCode(200);
    }

    /** Puts a clinician on call from a few minutes ago for two hours; returns the shift's id. */
    private static String shift(String clinician, String tier) {
        Instant now = Instant.now();
        return Stack.as("supervisor1")
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
                .post("/api/risk/on-call/shifts")
                .then()
                .statusCode(201)
                .extract()
                .path("shiftId");
    }

    private static JsonNode read(String json) {
        try {
            return EventJson.mapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
