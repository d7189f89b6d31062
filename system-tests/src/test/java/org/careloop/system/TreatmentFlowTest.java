package org.careloop.system;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A clinic's day in treatment, through the gateway with real tokens: an associate's plan and note
 * wait for the supervisor, the co-signed note reaches billing, and screening scores move the
 * client's outcome and meet the plan's measured goal.
 */
class TreatmentFlowTest {

    static RequestSpecification as(String user) {
        return Stack.as(user).contentType(ContentType.JSON);
    }

    /** The staff of the demo realm as treatment needs to know them. */
    static void staff() {
        credential(
                "supervisor1",
                "{\"displayName\":\"Dr. Morgan Lee\",\"credential\":\"PSYCHOLOGIST\",\"licensed\":true,\"npi\":\"1245319599\"}");
        credential(
                "clinician1",
                "{\"displayName\":\"Dana Okafor\",\"credential\":\"LCSW\",\"licensed\":true,\"npi\":\"1234567893\"}");
        credential(
                "associate1",
                "{\"displayName\":\"Sam Rivera\",\"credential\":\"ASSOCIATE\",\"licensed\":false,"
                        + "\"supervisor\":\"supervisor1\",\"npi\":\"1982746541\"}");
    }

    static void credential(String username, String body) {
        as("supervisor1")
                .body(body)
                .when()
                .put("/api/treatment/staff/" + username)
                .then()
                .statusCode(200);
    }

    /** A client registered at intake, once treatment (and billing) know of them. */
    static String client(String lastName) {
        String location =
                as("intake1")
                        .body(
                                "{\"firstName\":\"Morgan\",\"lastName\":\""
                                        + lastName
                                        + "\",\"dateOfBirth\":\"1991-02-03\"}")
                        .when()
                        .post("/api/intake/clients")
                        .then()
                        .statusCode(201)
                        .extract()
                        .header("Location");
        String clientId = location.substring(location.lastIndexOf('/') + 1);
        Stack.awaitClient("treatment", clientId, Duration.ofSeconds(60));
        return clientId;
    }

    static String plan(String responsible) {
        return """
                {"diagnoses":[{"code":"F33.1","description":"Major depressive disorder, recurrent, moderate"}],
                 "levelOfCare":"OUTPATIENT",
                 "problems":[{"statement":"Low mood; stopped seeing friends",
                   "goals":[{"statement":"Mood in the mild range","measure":{"instrument":"PHQ-9","below":10},
                     "objectives":[{"statement":"Three pleasant activities a week",
                       "interventions":[{"description":"Behavioural activation","modality":"CBT",
                                         "frequency":"weekly","responsibleClinician":"%s"}]}]}]}],
                 "dischargeCriteria":"PHQ-9 below 10 at two visits a month apart"}"""
                .formatted(responsible);
    }

    /** A one-to-one session of the last hour, in person, with its SOAP note. */
    static String inPersonSession() {
        return """
                {"type":"INDIVIDUAL","startedAt":"%s","endedAt":"%s","modality":"IN_PERSON",
                 "clientLocation":"CLINIC","interactiveComplexity":false,
                 "note":{"format":"SOAP","subjective":"Calmer.","objective":"Engaged.",
                         "assessment":"Improving.","plan":"Weekly."},
                 "objectivesAddressed":[],"riskReviewed":true}"""
                .formatted(
                        Instant.now().minus(Duration.ofMinutes(60)),
                        Instant.now().minus(Duration.ofMinutes(5)));
    }

    static JsonPath sign(String plan, String user, String body) {
        return as(user).body(body)
                .when()
                .post("/api/treatment/plans/" + plan + "/signatures")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static void phq9(String clientId, String answers) {
        as("intake1")
                .body("{\"instrument\":\"PHQ-9\",\"answers\":" + answers + "}")
                .when()
                .post("/api/intake/clients/" + clientId + "/assessments")
                .then()
                .statusCode(201);
    }

    @Test
    void anAssociatesPlanAndNoteWaitForTheSupervisorAndScoresMeetTheGoal() {
        staff();
        String clientId = client("Treated");
        as("supervisor1")
                .body("{\"clinician\":\"associate1\",\"role\":\"PRIMARY\"}")
                .when()
                .post("/api/treatment/clients/" + clientId + "/care-team")
                .then()
                .statusCode(200)
                .body("clinician", hasItem("associate1"));

        // The plan: not active until the client's signature and the supervisor's co-signature.
        String plan =
                as("associate1")
                        .body(plan("associate1"))
                        .when()
                        .post("/api/treatment/clients/" + clientId + "/plans")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("planId");
        assertEquals(
                "AWAITING_CLIENT_SIGNATURE",
                sign(plan, "associate1", "{\"role\":\"AUTHOR\"}").getString("status"));
        JsonPath clientSigned =
                sign(plan, "associate1", "{\"role\":\"CLIENT\",\"method\":\"IN_PERSON\"}");
        assertEquals("AWAITING_COSIGNATURE", clientSigned.getString("status"));
        assertEquals(0, clientSigned.getInt("activeVersion"));
        JsonPath active = sign(plan, "supervisor1", "{\"role\":\"SUPERVISOR\"}");
        assertEquals("ACTIVE", active.getString("status"));
        assertEquals("supervisor1", active.getString("versions[0].signatures[2].signer"));

        // The note: final only once co-signed, and only then does billing have the session.
        String session =
                as("associate1")
                        .body(
                                """
                                {"type":"INDIVIDUAL","startedAt":"%s","endedAt":"%s","modality":"VIDEO",
                                 "clientLocation":"HOME","interactiveComplexity":false,
                                 "note":{"format":"SOAP","subjective":"Sleeping better.","objective":"Bright affect.",
                                         "assessment":"Improving.","plan":"Continue weekly."},
                                 "objectivesAddressed":["1.1.1"],"riskReviewed":true}"""
                                        .formatted(
                                                Instant.now().minus(Duration.ofMinutes(70)),
                                                Instant.now().minus(Duration.ofMinutes(15))))
                        .when()
                        .post("/api/treatment/clients/" + clientId + "/sessions")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("sessionId");
        as("associate1")
                .when()
                .post("/api/treatment/sessions/" + session + "/signature")
                .then()
                .statusCode(200)
                .body("status", equalTo("AWAITING_COSIGN"));
        as("supervisor1")
                .when()
                .get("/api/treatment/cosign-queue")
                .then()
                .statusCode(200)
                .body("notes.sessionId", hasItem(session));
        as("billing1").when().get("/api/billing/sessions/" + session).then().statusCode(404);

        as("supervisor1")
                .when()
                .post("/api/treatment/sessions/" + session + "/cosignature")
                .then()
                .statusCode(200)
                .body("status", equalTo("COSIGNED"));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                as("billing1")
                                        .when()
                                        .get("/api/billing/sessions/" + session)
                                        .then()
                                        .statusCode(200)
                                        .body("status", equalTo("DOCUMENTED"))
                                        .body("minutes", equalTo(55))
                                        .body("renderingClinician", equalTo("associate1"))
                                        .body("renderingProviderNpi", equalTo("1982746541"))
                                        .body("supervisingClinician", equalTo("supervisor1"))
                                        .body("supervisingProviderNpi", equalTo("1245319599")));

        // Scores 20, 9, 4: a response, then a remission; the goal "PHQ-9 below 10" is met.
        phq9(clientId, "[3,3,3,3,2,2,2,2,0]");
        phq9(clientId, "[1,1,1,1,1,1,1,2,0]");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                as("associate1")
                                        .when()
                                        .get("/api/treatment/clients/" + clientId + "/outcomes")
                                        .then()
                                        .statusCode(200)
                                        .body(
                                                "instruments.find { it.instrument == 'PHQ-9' }.series.size()",
                                                equalTo(2))
                                        .body(
                                                "instruments.find { it.instrument == 'PHQ-9' }.status",
                                                equalTo("RESPONSE")));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                as("associate1")
                                        .when()
                                        .get("/api/treatment/plans/" + plan)
                                        .then()
                                        .body("versions[0].measuredGoals[0].goalId", equalTo("1.1"))
                                        .body("versions[0].measuredGoals[0].met", equalTo(true)));
        phq9(clientId, "[1,1,1,1,0,0,0,0,0]");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                as("associate1")
                                        .when()
                                        .get("/api/treatment/clients/" + clientId + "/outcomes")
                                        .then()
                                        .body(
                                                "instruments.find { it.instrument == 'PHQ-9' }.baseline.score",
                                                equalTo(20))
                                        .body(
                                                "instruments.find { it.instrument == 'PHQ-9' }.latest.score",
                                                equalTo(4))
                                        .body(
                                                "instruments.find { it.instrument == 'PHQ-9' }.status",
                                                equalTo("REMISSION")));
        as("associate1")
                .when()
                .get("/api/treatment/caseload")
                .then()
                .statusCode(200)
                .body("find { it.clientId == '" + clientId + "' }.plan.status", equalTo("ACTIVE"))
                .body("find { it.clientId == '" + clientId + "' }.phq9.score", equalTo(4))
                .body(
                        "find { it.clientId == '" + clientId + "' }.phq9.status",
                        equalTo("REMISSION"))
                .body(
                        "find { it.clientId == '" + clientId + "' }.lastSession",
                        org.hamcrest.Matchers.notNullValue());
    }
}
