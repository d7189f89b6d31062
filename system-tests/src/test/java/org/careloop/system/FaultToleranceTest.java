package org.careloop.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.careloop.contracts.Topics;
import org.careloop.platform.testing.KafkaProbe;
import org.junit.jupiter.api.Test;

/** Nothing lost, nothing twice: clients registered while a consumer dies or the broker restarts. */
class FaultToleranceTest {

    static final List<String> CONSUMERS = List.of("treatment", "risk", "referral", "billing");

    @Test
    void aConsumerKilledMidFlowCatchesUpWithEveryClientExactlyOnce() {
        List<String> clients = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            clients.add(register("Killed", i));
        }
        // Work in flight when it dies: with its database cut off, treatment-service holds the next
        // event in its inbox,
        // received and not acknowledged, trying it again until the database answers. That is when
        // it is killed.
        Stack.databaseReachable("treatment", false);
        try {
            for (int i = 10; i < 20; i++) {
                clients.add(register("Killed", i));
            }
            await().atMost(Duration.ofSeconds(60))
                    .until(
                            () ->
                                    Stack.care("logs", "treatment-service")
                                            .contains("the database cannot be reached"));
            assertTrue(
                    KafkaProbe.lag("treatment-service", Topics.INTAKE) > 0,
                    "nothing was in flight");
            Stack.care("kill", "treatment-service");
        } finally {
            Stack.databaseReachable("treatment", true);
        }
        for (int i = 20; i < 40; i++) {
            clients.add(register("Killed", i));
        }
        Stack.care("start", "treatment-service");

        assertEveryClientExactlyOnce(List.of("treatment"), clients);
    }

    @Test
    void clientsRegisteredWhileTheBrokerRestartsReachEveryServiceExactlyOnce() {
        List<String> clients = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            if (i == 10) {
                Stack.care("stop", "kafka");
            }
            if (i == 20) {
                Stack.care("start", "kafka");
            }
            clients.add(register("Restart", i));
        }

        assertEveryClientExactlyOnce(CONSUMERS, clients);
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () ->
                                Stack.count(
                                                "intake",
                                                "select count(*) from outbox where published_at is null")
                                        == 0);
    }

    /**
     * The test stack gives a plan 20 seconds until its review (see deploy/local/services.sh):
     * treatment-service is killed right after the approval, stays dead past the due time, and on
     * restart announces the review exactly once.
     */
    @Test
    void aPlansReviewFallsDueExactlyOnceWhenTreatmentWasKilledBeforeItsDate() {
        TreatmentFlowTest.staff();
        String clientId = TreatmentFlowTest.client("ReviewAfterKill");
        TreatmentFlowTest.as("supervisor1")
                .body("{\"clinician\":\"clinician1\",\"role\":\"PRIMARY\"}")
                .when()
                .post("/api/treatment/clients/" + clientId + "/care-team")
                .then()
                .statusCode(200);
        String plan =
                TreatmentFlowTest.as("clinician1")
                        .body(TreatmentFlowTest.plan("clinician1"))
                        .when()
                        .post("/api/treatment/clients/" + clientId + "/plans")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("planId");
        TreatmentFlowTest.sign(plan, "clinician1", "{\"role\":\"AUTHOR\"}");
        JsonPath active =
                TreatmentFlowTest.sign(
                        plan, "clinician1", "{\"role\":\"CLIENT\",\"method\":\"ELECTRONIC\"}");
        assertEquals("ACTIVE", active.getString("status"));
        Instant dueAt = Instant.parse(active.getString("reviewDueAt"));

        Stack.care("kill", "treatment-service");
        assertTrue(Instant.now().isBefore(dueAt), "the review fell due before the kill");
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> Instant.now().isAfter(dueAt));
            assertEquals(0, reviewsDue(plan), "a review was announced while treatment was down");
        } finally {
            Stack.care("start", "treatment-service");
        }

        KafkaProbe.await(
                Topics.TREATMENT,
                r -> isReviewDue(r.headers().lastHeader("ce_type")) && r.value().contains(plan),
                Duration.ofSeconds(60));
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                Stack.count(
                                                "treatment",
                                                "select count(*) from deadline where stream_id = '"
                                                        + plan
                                                        + "'")
                                        == 0);
        assertEquals(1, reviewsDue(plan));
        assertEquals(
                1,
                Stack.count(
                        "treatment",
                        "select count(*) from event_store where stream_id = '"
                                + plan
                                + "' and event_type = 'treatment.plan.ReviewDue'"));
    }

    private static boolean isReviewDue(org.apache.kafka.common.header.Header type) {
        return type != null
                && new String(type.value(), java.nio.charset.StandardCharsets.UTF_8)
                        .equals("careloop.treatment.TreatmentPlanReviewDue.v1");
    }

    private static long reviewsDue(String plan) {
        return KafkaProbe.records(Topics.TREATMENT).stream()
                .filter(
                        r ->
                                isReviewDue(r.headers().lastHeader("ce_type"))
                                        && r.value().contains(plan))
                .count();
    }

    private static String register(String lastName, int i) {
        String location =
                Stack.as("intake1")
                        .contentType(ContentType.JSON)
                        .body(
                                "{\"firstName\":\"Client"
                                        + i
                                        + "\",\"lastName\":\""
                                        + lastName
                                        + "\",\"dateOfBirth\":\"1980-01-01\"}")
                        .when()
                        .post("/api/intake/clients")
                        .then()
                        .statusCode(201)
                        .extract()
                        .header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static void assertEveryClientExactlyOnce(List<String> services, List<String> clients) {
        String ids = clients.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
        for (String service : services) {
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(250))
                    .untilAsserted(
                            () ->
                                    assertEquals(
                                            clients.size(),
                                            Stack.count(
                                                    service,
                                                    "select count(*) from client_directory where client_id in ("
                                                            + ids
                                                            + ")"),
                                            service + " has not got every client yet"));
            assertEquals(
                    clients.size(),
                    Stack.count(
                            service, "select count(*) from inbox where subject in (" + ids + ")"),
                    service + " processed an event more than once or missed one");
            Set<String> deadKeys =
                    KafkaProbe.records(Topics.deadLetters(service + "-service")).stream()
                            .map(r -> r.key())
                            .collect(Collectors.toSet());
            assertTrue(
                    clients.stream().noneMatch(deadKeys::contains),
                    service + " dead-lettered a redelivered event instead of skipping it");
        }
    }
}
