package org.careloop.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A clinic's day as the privacy officer sees it afterwards: every access to one client, in every
 * service, in order; each service's hash chain intact; and a record changed behind the services'
 * backs found by the chain check.
 */
class AuditTrailTest {

    @Test
    void aDaysEveryAccessIsInTheTrailInOrderAndTheChainsCatchAChangedRecord() {
        Instant start = Instant.now();
        // Register, put on a care team, screen (positive: an alert), plan, a signed session,
        // billed.
        String clientId = TreatmentFlowTest.client("Audited");
        Stack.careFor("clinician1", clientId);
        TreatmentFlowTest.phq9(clientId, "[1,1,1,1,1,1,1,1,2]");
        TreatmentFlowTest.as("clinician1")
                .body(TreatmentFlowTest.plan("clinician1"))
                .when()
                .post("/api/treatment/clients/" + clientId + "/plans")
                .then()
                .statusCode(201);
        String session =
                TreatmentFlowTest.as("clinician1")
                        .body(TreatmentFlowTest.inPersonSession())
                        .when()
                        .post("/api/treatment/clients/" + clientId + "/sessions")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("sessionId");
        TreatmentFlowTest.as("clinician1")
                .when()
                .post("/api/treatment/sessions/" + session + "/signature")
                .then()
                .statusCode(200);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () ->
                                Stack.as("billing1")
                                                .when()
                                                .get("/api/billing/sessions/" + session)
                                                .statusCode()
                                        == 200);
        Stack.as("clinician2").when().get("/api/risk/clients/" + clientId).then().statusCode(403);

        // The trail, from every service, in time order.
        List<Map<String, Object>> trail = new ArrayList<>();
        for (String service : Stack.SERVICES) {
            trail.addAll(
                    Stack.as("privacy1")
                            .queryParam("clientId", clientId)
                            .queryParam("from", start.toString())
                            .when()
                            .get("/api/" + service + "/audit")
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .<Map<String, Object>>getList(""));
        }
        trail.sort(Comparator.comparing(r -> Instant.parse((String) r.get("recordedAt"))));
        List<String> steps =
                trail.stream()
                        .map(
                                r ->
                                        r.get("service")
                                                + " "
                                                + r.get("user")
                                                + " "
                                                + r.get("method")
                                                + " "
                                                + r.get("route")
                                                + " "
                                                + r.get("outcome"))
                        .toList();
        assertInOrder(
                steps,
                "treatment-service supervisor1 POST /clients/{clientId}/care-team ALLOWED",
                "intake-service intake1 POST /clients/{clientId}/assessments ALLOWED",
                "treatment-service clinician1 POST /clients/{clientId}/plans ALLOWED",
                "treatment-service clinician1 POST /clients/{clientId}/sessions ALLOWED",
                "treatment-service clinician1 POST /sessions/{sessionId}/signature ALLOWED",
                "billing-service billing1 GET /sessions/{sessionId} ALLOWED",
                "risk-service clinician2 GET /clients/{clientId} REFUSED");
        assertTrue(
                trail.stream().allMatch(r -> clientId.equals(r.get("clientId"))), "another client");

        for (String service : Stack.SERVICES) {
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(200))
                    .alias(service + "'s audit chain takes in every record")
                    .until(() -> verification(service).getLong("pending") == 0);
            JsonPath chain = verification(service);
            assertTrue(chain.getBoolean("intact"), service + ": " + chain.prettify());
        }

        // Someone with the database owner's rights edits a refusal into an allowed read.
        String id =
                Stack.value(
                        "risk",
                        "select id from audit_record where client_id = '"
                                + clientId
                                + "' and outcome = 'REFUSED' order by id limit 1");
        tamper("risk", "update audit_record set outcome = 'ALLOWED' where id = " + id);
        try {
            JsonPath broken = verification("risk");
            assertFalse(broken.getBoolean("intact"));
            assertEquals(Long.parseLong(id), broken.getLong("recordId"));
            assertEquals(
                    "the record's content does not match its hash", broken.getString("problem"));
        } finally {
            tamper("risk", "update audit_record set outcome = 'REFUSED' where id = " + id);
        }
        assertTrue(verification("risk").getBoolean("intact"));
    }

    private static JsonPath verification(String service) {
        return Stack.as("privacy1")
                .when()
                .get("/api/" + service + "/audit/verification")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Changes the trail past its append-only trigger, as only the table's owner can. */
    private static void tamper(String service, String sql) {
        String url = "jdbc:postgresql://127.0.0.1:5432/careloop_systest_" + service;
        try (Connection db = DriverManager.getConnection(url, "careloop", "careloop");
                Statement statement = db.createStatement()) {
            db.setAutoCommit(false);
            statement.execute("alter table audit_record disable trigger audit_record_append_only");
            statement.execute(sql);
            statement.execute("alter table audit_record enable trigger audit_record_append_only");
            db.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertInOrder(List<String> steps, String... expected) {
        int from = 0;
        for (String step : expected) {
            int at = steps.subList(from, steps.size()).indexOf(step);
            assertTrue(at >= 0, "missing or out of order: " + step + " in " + steps);
            from += at + 1;
        }
    }
}
