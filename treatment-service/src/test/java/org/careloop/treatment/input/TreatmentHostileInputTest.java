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
 * order on a client of their own (a plan, a session, a group session, the discharge last); the plan
 * and the session the paths name belong to a second client, so that writing a first plan is still
 * allowed, and that second client is already on the group's roster.
 */
@QuarkusTest
class TreatmentHostileInputTest extends HostileInputTest {

    @Inject DataSource db;

    /** The client the examples work on, and a second client already on the group's roster. */
    UUID client;

    UUID other;

    @Override
    protected List<Example> examples() {
        Instant groupStart = Instant.now().minus(Duration.ofHours(2));
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
                new Example(
                        "POST",
                        "/clients/{clientId}/emergency-access",
                        "{\"reason\":\"Client in crisis at the front desk; PRIMARY away\"}"),
                new Example(
                        "POST",
                        "/emergency-access/{grantId}/review",
                        "{\"finding\":\"JUSTIFIED\",\"note\":\"Walk-in crisis\"}"),
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
                        "/groups",
                        "{\"name\":\"Thursday anxiety group\",\"facilitator\":\"clinician1\"}"),
                new Example(
                        "POST", "/groups/{groupId}/members", "{\"clientId\":\"" + client + "\"}"),
                new Example(
                        "POST",
                        "/groups/{groupId}/sessions",
                        """
                        {"startedAt":"%s","endedAt":"%s","modality":"VIDEO","clientLocation":"HOME",
                         "attendance":[{"clientId":"%s","present":true,
                           "note":{"format":"SOAP","subjective":"Worried about work","objective":"Calm, engaged",
                                   "assessment":"Anxiety moderate","plan":"Exposure practice"},
                           "objectivesAddressed":[],"riskReviewed":true,"interactiveComplexity":false},
                          {"clientId":"%s","present":false}]}"""
                                .formatted(
                                        groupStart,
                                        groupStart.plus(Duration.ofMinutes(90)),
                                        client,
                                        other)),
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
        client = Clinic.client(db, "Hostile");
        Clinic.assign(client, "clinician1", "PRIMARY");
        other = Clinic.client(db, "HostileOther");
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
        String group =
                as("clinician1")
                        .body("{\"name\":\"Hostile group\",\"facilitator\":\"clinician1\"}")
                        .post("/groups")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("groupId");
        as("clinician1")
                .body("{\"clientId\":\"" + other + "\"}")
                .post("/groups/" + group + "/members")
                .then()
                .statusCode(200);
        String grant =
                as("clinician2")
                        .body("{\"reason\":\"Client in crisis at the front desk\"}")
                        .post("/clients/" + other + "/emergency-access")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("grantId");
        return Map.of(
                "grantId",
                grant,
                "groupId",
                group,
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
        if (path.startsWith("/audit")) {
            return "privacy1";
        }
        if (path.startsWith("/emergency-access")) {
            return "supervisor1";
        }
        return path.endsWith("/cosignature") ? "supervisor1" : "clinician1";
    }

    /** A clinician or supervisor reaches a client's plans and sessions only through a relation. */
    @Override
    protected int unknownIdStatus(String path, String parameter, String user) {
        boolean namesAClient = List.of("clientId", "planId", "sessionId").contains(parameter);
        return namesAClient && !path.endsWith("/emergency-access") && !user.equals("admin1")
                ? 403
                : 404;
    }

    @Override
    protected long storedRows() throws Exception {
        return Rows.count(
                db, "select (select count(*) from event_store) + (select count(*) from outbox)");
    }
}
