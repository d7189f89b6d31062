package org.careloop.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.careloop.contracts.Topics;
import org.careloop.contracts.treatment.Diagnosis;
import org.careloop.contracts.treatment.SessionDocumented;
import org.careloop.contracts.treatment.TreatmentPlanApproved;
import org.careloop.platform.testing.KafkaProbe;
import org.junit.jupiter.api.Test;

/**
 * Nothing lost, nothing twice in the unit ledger: sessions documented while billing-service is
 * killed mid-flow each use their unit exactly once.
 */
class BillingFaultTest {

    static final List<Diagnosis> DIAGNOSES =
            List.of(new Diagnosis("F33.1", "Major depressive disorder, recurrent, moderate"));

    @Test
    void sessionsDocumentedWhileBillingIsKilledEachUseTheirUnitExactlyOnce() {
        TreatmentFlowTest.staff();
        String payerId = "ledger-" + UUID.randomUUID().toString().substring(0, 6);
        BillingFlowTest.payer(payerId);
        String client = TreatmentFlowTest.client("Ledger");
        Stack.awaitClient("billing", client, Duration.ofSeconds(60));
        UUID clientId = UUID.fromString(client);
        BillingFlowTest.as("billing1")
                .body(
                        """
                        {"memberId":"BHP-900001","relationship":"SELF","priority":"PRIMARY",
                         "effectiveFrom":"%s"}"""
                                .formatted(LocalDate.now().minusDays(90)))
                .when()
                .put("/api/billing/clients/" + client + "/coverages/" + payerId)
                .then()
                .statusCode(200);
        String authorization = BillingFlowTest.authorization(client, payerId, 40);
        BillingFlowTest.submit(authorization);
        BillingFlowTest.decide(
                authorization, "{\"outcome\":\"APPROVED\",\"authorizationNumber\":\"BHP-L-1\"}");
        // What treatment announces for this client: its plan, then co-signed sessions.
        UUID planId = UUID.randomUUID();
        KafkaProbe.publish(
                new TreatmentPlanApproved(
                        clientId,
                        planId,
                        1,
                        "associate1",
                        "supervisor1",
                        DIAGNOSES,
                        "OUTPATIENT",
                        Instant.now(),
                        LocalDate.now().plusDays(90)),
                UUID.randomUUID());

        List<UUID> sessions = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sessions.add(document(clientId, planId, i));
        }
        // Work in flight when it dies: with its database cut off, billing-service holds the next
        // session in its inbox, received and not acknowledged. That is when it is killed.
        Stack.databaseReachable("billing", false);
        try {
            for (int i = 10; i < 20; i++) {
                sessions.add(document(clientId, planId, i));
            }
            await().atMost(Duration.ofSeconds(60))
                    .until(
                            () ->
                                    Stack.care("logs", "billing-service")
                                            .contains("the database cannot be reached"));
            assertTrue(
                    KafkaProbe.lag("billing-service", Topics.TREATMENT) > 0,
                    "nothing was in flight");
            Stack.care("kill", "billing-service");
        } finally {
            Stack.databaseReachable("billing", true);
        }
        for (int i = 20; i < 30; i++) {
            sessions.add(document(clientId, planId, i));
        }
        Stack.care("start", "billing-service");

        String ours =
                "session_id in ("
                        + String.join(",", sessions.stream().map(s -> "'" + s + "'").toList())
                        + ")";
        await().atMost(Duration.ofSeconds(90))
                .until(
                        () ->
                                Stack.count(
                                        "billing",
                                        "select count(*) from claim where status = 'READY' and "
                                                + ours),
                        count -> count == sessions.size());
        assertEquals(
                sessions.size(),
                Stack.count(
                        "billing",
                        "select count(*) from authorization_ledger where returned_at is null and "
                                + ours),
                "one unit used by each session");
        assertEquals(
                sessions.size(),
                Stack.count(
                        "billing",
                        "select count(distinct session_id) from authorization_ledger where "
                                + ours));
        assertEquals(
                40 - sessions.size(),
                Integer.parseInt(
                        BillingFlowTest.authorizationOf(authorization)
                                .extract()
                                .path("remainingUnits")
                                .toString()));
    }

    private static UUID document(UUID clientId, UUID planId, int i) {
        UUID sessionId = UUID.randomUUID();
        Instant start =
                Instant.now().minus(Duration.ofHours(2 + 4L * i)).truncatedTo(ChronoUnit.MINUTES);
        KafkaProbe.publish(
                new SessionDocumented(
                        clientId,
                        sessionId,
                        "INDIVIDUAL",
                        start,
                        start.plus(Duration.ofMinutes(55)),
                        55,
                        "IN_PERSON",
                        "CLINIC",
                        false,
                        "associate1",
                        "supervisor1",
                        DIAGNOSES,
                        planId,
                        null,
                        start.plus(Duration.ofHours(1))),
                UUID.randomUUID());
        return sessionId;
    }
}
