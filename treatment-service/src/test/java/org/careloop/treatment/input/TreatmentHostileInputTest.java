package org.careloop.treatment.input;

import static org.awaitility.Awaitility.await;
import static org.careloop.treatment.Clinic.as;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.careloop.platform.testing.HostileInputTest;
import org.careloop.platform.testing.Rows;
import org.careloop.treatment.Clinic;

/**
 * Every operation of treatment-service with every kind of malformed input. The examples run in
 * order on a client of their own (a plan, a session, the discharge last); the plan and the session
 * the paths name belong to a second client, so that writing a first plan is still allowed.
 */
@QuarkusTest
class TreatmentHostileInputTest extends HostileInputTest {

    @Inject DataSource db;

    @Override
    protected List<Example> examples() {
        return List.of(
                new Example(
                        "PUT",
                        "/staff/{username}",
                        """
                        {"displayName":"Dana Okafor, LCSW","credential":"LCSW","licensed":true,"npi":"1234567893"}"""),
                new Example(
                        "POST",
                        "/clients/{clientId}/care-team",
                        "{\"clinician\":\"clinician1\",\"role\":\"PRIMARY\"}"),
                new Example("POST", "/clients/{clientId}/plans", Clinic.plan(10, "clinician1")),
                new Example("POST", "/plans/{planId}/revisions", Clinic.plan(8, "clinician1")),
                new Example("POST", "/plans/{planId}/signatures", "{\"role\":\"AUTHOR\"}"),
                new Example(
                        "POST",
                        "/clients/{clientId}/sessions",
                        Clinic.session(
                                "INDIVIDUAL", Instant.now().minus(Duration.ofHours(3)), 50, "[]")),
                new Example(
                        "POST",
                        "/sessions/{sessionId}/addenda",
                        "{\"text\":\"Late entry: called the client's sister.\\nShe confirms the plan.\"}"),
                new Example(
                        "POST",
                        "/sessions/{sessionId}/void",
                        "{\"reason\":\"Documented under the wrong client\"}"),
                new Example(
                        "POST",
                        "/clients/{clientId}/discharge",
                        "{\"reason\":\"Goals met\",\"criteriaMet\":true,\"aftercare\":\"Peer support\"}"));
    }

    @Override
    protected Map<String, String> pathValues() throws Exception {
        // Plans approved by earlier tests come due seconds later (the test profile's review
        // interval); their ReviewDue must not land while rows are being counted.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Rows.count(db, "select count(*) from deadline") == 0);
        Clinic.staff();
        UUID client = Clinic.client(db, "Hostile");
        Clinic.assign(client, "clinician1", "PRIMARY");
        UUID other = Clinic.client(db, "HostileOther");
        Clinic.assign(other, "clinician1", "PRIMARY");
        String plan =
                as("clinician1")
                        .body(Clinic.plan(10, "clinician1"))
                        .post("/clients/" + other + "/plans")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("planId");
        String session =
                as("clinician1")
                        .body(
                                Clinic.session(
                                        "INDIVIDUAL",
                                        Instant.now().minus(Duration.ofHours(5)),
                                        50,
                                        "[]"))
                        .post("/clients/" + other + "/sessions")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("sessionId");
        as("clinician1").post("/sessions/" + session + "/signature").then().statusCode(200);
        return Map.of(
                "name",
                "clients",
                "clientId",
                client.toString(),
                "planId",
                plan,
                "sessionId",
                session,
                "username",
                "clinician1",
                "clinician",
                "clinician1");
    }

    @Override
    protected String userFor(String method, String path) {
        if (path.startsWith("/admin")) {
            return "admin1";
        }
        if (path.startsWith("/staff") && method.equals("PUT")) {
            return "supervisor1";
        }
        return path.endsWith("/cosignature") ? "supervisor1" : "clinician1";
    }

    @Override
    protected long storedRows() throws Exception {
        return Rows.count(
                db, "select (select count(*) from event_store) + (select count(*) from outbox)");
    }
}
