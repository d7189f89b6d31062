package org.careloop.system;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
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
 * Two risk-service instances share the alert path: a console on either hears every step, whichever
 * instance took it; when one dies mid-ladder the other climbs on, each step taken and paged once,
 * and a console of the dead one reconnects through the gateway and misses nothing.
 */
class RiskInstancesTest {

    /** The shifts this class put on the rota, taken off again after it. */
    static final List<String> SHIFTS = new ArrayList<>();

    @BeforeAll
    static void aShortLadderAndARota() {
        Alerting.ladder("URGENT", "PT3S", "PT3S");
        SHIFTS.add(Alerting.shift("oncall1", "PRIMARY"));
        SHIFTS.add(Alerting.shift("oncall2", "BACKUP"));
        SHIFTS.add(Alerting.shift("supervisor1", "SUPERVISOR"));
    }

    @AfterAll
    static void theClinicsLadderAndAnEmptyRota() {
        Alerting.clear(SHIFTS, List.of("URGENT"));
    }

    @Test
    void oneInstanceKilledMidLadderTheOtherClimbsOnAndNoConsoleMissesAStep() throws Exception {
        assertEquals(2, Stack.RISK_URLS.size(), "the test stack runs two risk-service instances");
        String clientId = Alerting.register("Two", "Instances");
        String onFirst = Stack.riskStream(0);
        String onSecond = Stack.riskStream(1);
        try (WebhookReceiver pager = new WebhookReceiver(0);
                SseListener first = new SseListener(onFirst, Tokens.of("supervisor1"));
                SseListener second = new SseListener(onSecond, Tokens.of("supervisor1"));
                SseListener backup = new SseListener(onSecond, Tokens.of("oncall2"))) {
            first.awaitConnected(10_000);
            second.awaitConnected(10_000);
            backup.awaitConnected(10_000);
            String webhookId = Alerting.webhook(pager.url(), "pager-secret-" + clientId);
            try {
                Alerting.positivePhq9(clientId);
                Predicate<JsonNode> ofClient = e -> clientId.equals(e.path("clientId").asText());

                // Both instances' consoles hear of the raising, whichever instance raised it.
                JsonNode raised = first.next(ofClient, 5_000);
                assertEquals("RAISED", raised.get("kind").asText());
                assertEquals("RAISED", second.next(ofClient, 5_000).get("kind").asText());
                String alertId = raised.get("alertId").asText();
                String lastSeenOnFirst = first.lastEventId();

                Stack.kill(Stack.RISK_PARTS.get(0));

                // The survivor's clock climbs the ladder: BACKUP, then SUPERVISOR.
                SseListener.Event toBackup = second.nextEvent(ofClient, 15_000);
                SseListener.Event toSupervisor = second.nextEvent(ofClient, 15_000);
                assertEquals(
                        List.of("ESCALATED:BACKUP:2", "ESCALATED:SUPERVISOR:3"),
                        List.of(step(toBackup.data()), step(toSupervisor.data())));
                assertEquals(
                        "ESCALATED:BACKUP:2",
                        step(backup.next(e -> alertId.equals(e.path("alertId").asText()), 5_000)));

                // The dead instance's console reconnects through the gateway, where the live
                // instance answers: it is sent the two steps it missed, not the raising again.
                try (SseListener back =
                        new SseListener(
                                Stack.GATEWAY + "/api/risk/alerts/stream",
                                Tokens.of("supervisor1"),
                                lastSeenOnFirst)) {
                    SseListener.Event missed = back.nextEvent(ofClient, 10_000);
                    assertEquals(toBackup.id(), missed.id());
                    assertEquals("ESCALATED:BACKUP:2", step(missed.data()));
                    assertEquals(toSupervisor.id(), back.nextEvent(ofClient, 10_000).id());

                    Stack.as("supervisor1")
                            .when()
                            .post("/api/risk/alerts/" + alertId + "/acknowledgements")
                            .then()
                            .statusCode(200);
                    assertEquals("ACKNOWLEDGED", back.next(ofClient, 10_000).get("kind").asText());
                    assertEquals(
                            "ACKNOWLEDGED", second.next(ofClient, 10_000).get("kind").asText());
                }

                // Each step taken once, published once, paged once.
                Stack.as("supervisor1")
                        .when()
                        .get("/api/risk/alerts/" + alertId)
                        .then()
                        .statusCode(200)
                        .body(
                                CrisisAlertFlowTest.STEPS + ".what",
                                contains("RAISED", "ESCALATED", "ESCALATED", "ACKNOWLEDGED"));
                KafkaProbe.await(
                        Topics.RISK,
                        r ->
                                "careloop.risk.AlertAcknowledged.v1"
                                                .equals(KafkaProbe.header(r, "ce_type"))
                                        && alertId.equals(read(r.value()).get("alertId").asText()),
                        Duration.ofSeconds(30));
                List<Integer> published =
                        KafkaProbe.records(Topics.RISK).stream()
                                .filter(
                                        r ->
                                                "careloop.risk.AlertEscalated.v1"
                                                        .equals(KafkaProbe.header(r, "ce_type")))
                                .map(r -> read(r.value()))
                                .filter(e -> alertId.equals(e.get("alertId").asText()))
                                .map(e -> e.get("step").asInt())
                                .collect(Collectors.toList());
                assertEquals(List.of(2, 3), published, "one AlertEscalated per step");
                // Pagers hear of the ladder's steps, not of the acknowledgement.
                await().atMost(Duration.ofSeconds(15))
                        .until(() -> pages(pager, alertId).size() >= 3);
                assertEquals(
                        Map.of("RAISED:1", 1L, "ESCALATED:2", 1L, "ESCALATED:3", 1L),
                        pages(pager, alertId).stream()
                                .collect(Collectors.groupingBy(p -> p, Collectors.counting())));
            } finally {
                Stack.start(Stack.RISK_PARTS.get(0));
                Alerting.removeWebhook(webhookId);
            }
        }
    }

    private static String step(JsonNode notice) {
        return notice.get("kind").asText()
                + ":"
                + notice.get("tier").asText()
                + ":"
                + notice.get("step").asInt();
    }

    /** The pages the pager received for the alert, as kind:step. */
    private static List<String> pages(WebhookReceiver pager, String alertId) {
        return pager.received().stream()
                .filter(r -> r.answeredWith() < 300)
                .map(r -> read(r.body()))
                .filter(page -> alertId.equals(page.path("alertId").asText()))
                .map(page -> page.get("kind").asText() + ":" + page.get("step").asInt())
                .toList();
    }

    private static JsonNode read(String json) {
        try {
            return EventJson.mapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
