package org.careloop.billing.authorization;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.careloop.billing.session.Treatment;
import org.careloop.contracts.Topics;
import org.careloop.platform.testing.KafkaProbe;
import org.careloop.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * An authorization's clocks and its ledger under concurrency, against the real database and broker:
 * a decision falling overdue, an end date coming near and passing, a concurrent-review date, and
 * sessions racing for the last unit.
 */
@QuarkusTest
class AuthorizationClocksTest {

    @Inject Authorizations authorizations;

    static String payer() {
        String payerId = "clock-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth()
                .oauth2(Tokens.of("billing1"))
                .contentType(ContentType.JSON)
                .body(
                        Map.of(
                                "name", "Clockwork Health",
                                "requiresAuthorization", List.of("90837"),
                                "fees", Map.of("90837", 150.25)))
                .when()
                .put("/payers/" + payerId)
                .then()
                .statusCode(200);
        return payerId;
    }

    static String requested(
            UUID clientId, String payerId, LocalDate start, LocalDate end, int units) {
        String id =
                given().auth()
                        .oauth2(Tokens.of("billing1"))
                        .contentType(ContentType.JSON)
                        .body(
                                Map.of(
                                        "payerId", payerId,
                                        "urgency", "STANDARD",
                                        "services", List.of(Map.of("cpt", "90837", "units", units)),
                                        "startDate", start.toString(),
                                        "endDate", end.toString(),
                                        "diagnoses", List.of("F33.1"),
                                        "justification", "Weekly psychotherapy"))
                        .when()
                        .post("/clients/" + clientId + "/authorizations")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("authorizationId");
        given().auth()
                .oauth2(Tokens.of("billing1"))
                .when()
                .post("/authorizations/" + id + "/submission")
                .then()
                .statusCode(200);
        return id;
    }

    static void approved(String id, List<String> reviewDates) {
        given().auth()
                .oauth2(Tokens.of("billing1"))
                .contentType(ContentType.JSON)
                .body(
                        Map.of(
                                "outcome",
                                "APPROVED",
                                "authorizationNumber",
                                "CLK-" + id.substring(0, 6),
                                "concurrentReviewDates",
                                reviewDates))
                .when()
                .post("/authorizations/" + id + "/decisions")
                .then()
                .statusCode(200);
    }

    static ValidatableResponse authorization(String id) {
        return given().auth()
                .oauth2(Tokens.of("billing1"))
                .when()
                .get("/authorizations/" + id)
                .then()
                .statusCode(200);
    }

    static List<String> timeline(String id) {
        return authorization(id).extract().path("timeline.what");
    }

    @Test
    void aDecisionThePayerOwesFallsOverdueOnceAndIsOnTheWorklist() {
        UUID clientId = Treatment.registered();
        // the test profile gives a standard request two seconds
        String id = requested(clientId, payer(), LocalDate.now(), LocalDate.now().plusDays(60), 6);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> authorization(id).body("decisionOverdue", equalTo(true)));
        given().auth()
                .oauth2(Tokens.of("billing1"))
                .when()
                .get("/worklist")
                .then()
                .statusCode(200)
                .body("decisionsOverdue.authorizationId", hasItem(id));
        KafkaProbe.await(
                Topics.BILLING,
                r ->
                        r.value().contains(id)
                                && "careloop.billing.AuthorizationDecisionOverdue.v1"
                                        .equals(KafkaProbe.header(r, "ce_type")),
                Duration.ofSeconds(30));
        assertEquals(1, timeline(id).stream().filter(w -> w.equals("DECISION_OVERDUE")).count());

        // the answer, late, still counts: the clock stops and the flag goes
        approved(id, List.of());
        authorization(id).body("decisionOverdue", equalTo(false)).body("status", equalTo("ACTIVE"));
    }

    @Test
    void anEndDrawingNearWarnsTheEndPassingExpiresAndAReviewDateComes() {
        UUID clientId = Treatment.registered();
        String payerId = payer();
        LocalDate today = LocalDate.now(authorizations.clinicZone());
        String ending = requested(clientId, payerId, today.minusDays(30), today.plusDays(3), 6);
        approved(ending, List.of(today.toString(), today.plusDays(2).toString()));
        String ended = requested(clientId, payerId, today.minusDays(60), today.minusDays(1), 4);
        approved(ended, List.of());

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> {
                            assertTrue(timeline(ending).contains("EXPIRING"));
                            assertTrue(timeline(ending).contains("REVIEW_DUE"));
                        });
        authorization(ending)
                .body("status", equalTo("ACTIVE"))
                .body("expiring", equalTo(true))
                .body("nextReviewOn", equalTo(null));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> authorization(ended).body("status", equalTo("EXPIRED")));
        assertTrue(timeline(ended).contains("EXPIRING"), "a warning came before the end");
        KafkaProbe.await(
                Topics.BILLING,
                r ->
                        r.value().contains(ended)
                                && "careloop.billing.AuthorizationExpired.v1"
                                        .equals(KafkaProbe.header(r, "ce_type")),
                Duration.ofSeconds(30));
    }

    @Test
    void sessionsRacingForTheLastUnitNeverOverdrawIt() throws Exception {
        UUID clientId = Treatment.registered();
        String payerId = payer();
        LocalDate today = LocalDate.now(authorizations.clinicZone());
        ExecutorService racers = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                UUID id =
                        UUID.fromString(requested(clientId, payerId, today.minusDays(7), today, 1));
                approved(id.toString(), List.of());
                List<Future<Object>> raced = new ArrayList<>();
                for (int racer = 0; racer < 2; racer++) {
                    UUID session = UUID.randomUUID();
                    Callable<Object> draw =
                            () -> {
                                try {
                                    return VertxContextSupport.subscribeAndAwait(
                                            () ->
                                                    Panache.withTransaction(
                                                            () ->
                                                                    authorizations.consume(
                                                                            id, session, "90837", 1,
                                                                            today)));
                                } catch (Throwable conflict) {
                                    return conflict;
                                }
                            };
                    raced.add(racers.submit(draw));
                }
                int consumed = 0;
                for (Future<Object> outcome : raced) {
                    if (outcome.get() instanceof Consumption.Consumed) {
                        consumed++;
                    }
                }
                assertEquals(1, consumed, "exactly one of two sessions drew the last unit");
                authorization(id.toString())
                        .body("remainingUnits", equalTo(0))
                        .body("ledger.size()", equalTo(1));
            }
        } finally {
            racers.shutdownNow();
        }
    }
}
