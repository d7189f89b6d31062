package org.careloop.system;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.careloop.contracts.Topics;
import org.careloop.platform.testing.KafkaProbe;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A referral's closed loop through the gateway with real tokens: the clinician refers under the
 * client's consent, the partner answers on its FHIR Task interface with its own client-credentials
 * token, the referrer reviews the outcome; another partner sees nothing; an unanswered referral is
 * overdue once; a HIGH screening drafts the emergent referral for the primary clinician.
 */
class ClosedLoopReferralTest {

    static final String PSYCHIATRY = "partner:demo-psychiatry";
    static final String HOUSING = "partner:demo-housing";
    static final String FHIR = "application/fhir+json";

    static RequestSpecification as(String user) {
        return Stack.as(user).contentType(ContentType.JSON);
    }

    @BeforeAll
    static void demoPartners() {
        partner(
                "demo-psychiatry",
                "{\"name\":\"Demo Psychiatry Associates\",\"services\":[\"PSYCHIATRY\",\"CRISIS_STABILISATION\"],"
                        + "\"contact\":{\"phone\":\"614-555-0140\"},\"electronic\":true}");
        partner(
                "demo-housing",
                "{\"name\":\"Demo Housing Partners\",\"services\":[\"HOUSING\"],"
                        + "\"contact\":{\"phone\":\"614-555-0150\"},\"electronic\":true}");
    }

    static void partner(String partnerId, String body) {
        as("supervisor1")
                .body(body)
                .when()
                .put("/api/referral/partners/" + partnerId)
                .then()
                .statusCode(200);
    }

    /** A client of clinician1's who consents to disclosure to demo-psychiatry for treatment. */
    static String consentingClient(String lastName) {
        String clientId = TreatmentFlowTest.client(lastName);
        Stack.careFor("clinician1", clientId);
        as("intake1")
                .body(
                        "{\"kind\":\"DISCLOSURE\",\"recipient\":\"partner:demo-psychiatry\","
                                + "\"purposes\":[\"TREATMENT\"],\"coversPart2\":false}")
                .when()
                .post("/api/intake/clients/" + clientId + "/consents")
                .then()
                .statusCode(201);
        return clientId;
    }

    static String draft(String clientId, String urgency) {
        return as("clinician1")
                .body(
                        Map.of(
                                "partnerId",
                                "demo-psychiatry",
                                "serviceType",
                                "PSYCHIATRY",
                                "urgency",
                                urgency,
                                "reason",
                                "Medication evaluation after two SSRI trials",
                                "diagnoses",
                                List.of("F33.1")))
                .when()
                .post("/api/referral/clients/" + clientId + "/referrals")
                .then()
                .statusCode(201)
                .body("status", equalTo("DRAFT"))
                .extract()
                .path("referralId");
    }

    /** Sends the draft once referral-service has the client's consent. */
    static void send(String referralId) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () ->
                                as("clinician1")
                                        .when()
                                        .post("/api/referral/referrals/" + referralId + "/sending")
                                        .then()
                                        .extract()
                                        .statusCode(),
                        status -> status == 200);
    }

    static ValidatableResponse referral(String referralId) {
        return as("clinician1").when().get("/api/referral/referrals/" + referralId).then();
    }

    static ValidatableResponse task(String partner, String taskId) {
        return Stack.as(partner).when().get("/api/referral/fhir/Task/" + taskId).then();
    }

    static ValidatableResponse patch(String partner, String taskId, String operations) {
        return Stack.as(partner)
                .contentType("application/json-patch+json")
                .body(operations)
                .when()
                .patch("/api/referral/fhir/Task/" + taskId)
                .then();
    }

    @Test
    void aPartnerAnswersOnItsTaskAndTheReferrerClosesTheLoop() {
        String clientId = consentingClient("Referred");
        String referralId = draft(clientId, "URGENT");
        send(referralId);
        referral(referralId).statusCode(200).body("status", equalTo("REQUESTED"));

        Stack.as(PSYCHIATRY)
                .queryParam("status", "requested")
                .when()
                .get("/api/referral/fhir/Task")
                .then()
                .statusCode(200)
                .contentType(containsString(FHIR))
                .body("entry.resource.id", hasItem(referralId));
        task(PSYCHIATRY, referralId)
                .statusCode(200)
                .body("status", equalTo("requested"))
                .body("priority", equalTo("urgent"))
                .body(
                        "contained.find { it.resourceType == 'Patient' }.name[0].family",
                        equalTo("Referred"));
        // Another partner neither finds nor reads nor changes it, and a partner's token opens
        // nothing else.
        task(HOUSING, referralId).statusCode(404);
        patch(
                        HOUSING,
                        referralId,
                        "[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"accepted\"}]")
                .statusCode(404);
        Stack.as(HOUSING)
                .when()
                .get("/api/referral/fhir/Task")
                .then()
                .statusCode(200)
                .body("entry.resource.id", not(hasItem(referralId)));
        Stack.as(PSYCHIATRY)
                .when()
                .get("/api/referral/referrals/" + referralId)
                .then()
                .statusCode(403);
        Stack.as(PSYCHIATRY).when().get("/api/intake/clients/" + clientId).then().statusCode(403);

        patch(
                        PSYCHIATRY,
                        referralId,
                        "[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"accepted\"}]")
                .statusCode(200)
                .body("status", equalTo("accepted"));
        patch(
                        PSYCHIATRY,
                        referralId,
                        "[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"in-progress\"},"
                                + "{\"op\":\"add\",\"path\":\"/executionPeriod\","
                                + "\"value\":{\"start\":\"2026-12-14T15:00:00Z\"}}]")
                .statusCode(200)
                .body("status", equalTo("in-progress"));
        patch(
                        PSYCHIATRY,
                        referralId,
                        "[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"completed\"},"
                                + "{\"op\":\"add\",\"path\":\"/output\",\"value\":["
                                + "{\"type\":{\"text\":\"summary\"},\"valueString\":\"Evaluated; sertraline 50 mg started\"},"
                                + "{\"type\":{\"text\":\"recommendations\"},\"valueString\":\"Follow-up in 4 weeks\"}]}]")
                .statusCode(200)
                .body("status", equalTo("completed"));
        referral(referralId)
                .statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("outcome.summary", equalTo("Evaluated; sertraline 50 mg started"));

        // Only the referring clinician closes the loop.
        as("supervisor1")
                .when()
                .post("/api/referral/referrals/" + referralId + "/review")
                .then()
                .statusCode(403);
        as("clinician1")
                .when()
                .post("/api/referral/referrals/" + referralId + "/review")
                .then()
                .statusCode(200)
                .body("status", equalTo("CLOSED"));
        KafkaProbe.await(
                Topics.REFERRAL,
                r ->
                        "careloop.referral.ReferralClosed.v1"
                                        .equals(KafkaProbe.header(r, "ce_type"))
                                && r.value().contains(referralId),
                Duration.ofSeconds(30));
        task(PSYCHIATRY, referralId)
                .statusCode(200)
                .body("status", equalTo("completed"))
                .body("businessStatus.text", containsString("reviewed"));
    }

    @Test
    void anUnansweredRoutineReferralIsOverdueOnceForEachClock() {
        String clientId = consentingClient("Unanswered");
        String referralId = draft(clientId, "ROUTINE");
        send(referralId);

        // The test stack gives a routine referral 20 s to be accepted and 40 s to be seen.
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> overdue(referralId, "FIRST_APPOINTMENT") == 1);
        assertEquals(1, overdue(referralId, "ACCEPTANCE"), "the acceptance clock lapsed once");
        as("clinician1")
                .when()
                .get("/api/referral/worklist")
                .then()
                .statusCode(200)
                .body("overdue.referralId", hasItem(referralId));
    }

    /** How many ReferralOverdue of one clock went out on the topic for the referral. */
    static long overdue(String referralId, String clock) {
        return KafkaProbe.records(Topics.REFERRAL).stream()
                .filter(
                        r ->
                                "careloop.referral.ReferralOverdue.v1"
                                        .equals(KafkaProbe.header(r, "ce_type")))
                .filter(
                        r ->
                                r.value().contains(referralId)
                                        && r.value().contains("\"" + clock + "\""))
                .count();
    }

    @Test
    void aHighRiskScreeningDraftsAnEmergentCrisisReferralForThePrimaryClinician() {
        String clientId = TreatmentFlowTest.client("Escalated");
        Stack.careFor("clinician1", clientId);
        as("clinician1")
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

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(
                        () ->
                                as("clinician1")
                                        .when()
                                        .get("/api/referral/clients/" + clientId + "/referrals")
                                        .then()
                                        .statusCode(200)
                                        .body("size()", equalTo(1))
                                        .body("[0].status", equalTo("DRAFT"))
                                        .body("[0].urgency", equalTo("EMERGENT"))
                                        .body("[0].serviceType", equalTo("CRISIS_STABILISATION"))
                                        .body("[0].referredBy", equalTo("clinician1")));
    }

    @Test
    void aPartnersInboundReferralBecomesAnIntakeTaskAndAcceptingItRegistersTheClient() {
        String inboundId =
                Stack.as(PSYCHIATRY)
                        .contentType(ContentType.JSON)
                        .body(
                                """
                                {"firstName":"Iris","lastName":"Inbound","dateOfBirth":"1988-04-12",
                                 "phone":"614-555-0177","serviceRequested":"Outpatient therapy after discharge",
                                 "reason":"Stepped down from our IOP; needs weekly therapy","urgency":"URGENT",
                                 "partnerReference":"DP-2026-0412"}""")
                        .when()
                        .post("/api/referral/inbound")
                        .then()
                        .statusCode(201)
                        .body("status", equalTo("RECEIVED"))
                        .extract()
                        .path("inboundId");
        // Only the partner that sent it sees it; staff tokens do not send inbound referrals.
        Stack.as(HOUSING).when().get("/api/referral/inbound/" + inboundId).then().statusCode(404);
        as("clinician1").body("{}").when().post("/api/referral/inbound").then().statusCode(403);

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(
                        () ->
                                as("intake1")
                                        .queryParam("status", "OPEN")
                                        .when()
                                        .get("/api/intake/inbound-referrals")
                                        .then()
                                        .statusCode(200)
                                        .body("inboundId", hasItem(inboundId)));
        String clientId =
                as("intake1")
                        .body("{}")
                        .when()
                        .post("/api/intake/inbound-referrals/" + inboundId + "/acceptance")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("clientId");
        as("intake1")
                .when()
                .get("/api/intake/clients/" + clientId)
                .then()
                .statusCode(200)
                .body("lastName", equalTo("Inbound"));
        as("intake1")
                .body("{}")
                .when()
                .post("/api/intake/inbound-referrals/" + inboundId + "/acceptance")
                .then()
                .statusCode(409);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(
                        () ->
                                Stack.as(PSYCHIATRY)
                                        .when()
                                        .get("/api/referral/inbound/" + inboundId)
                                        .then()
                                        .statusCode(200)
                                        .body("status", equalTo("ACCEPTED")));
    }
}
