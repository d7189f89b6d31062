package org.careloop.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.time.Duration;
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
