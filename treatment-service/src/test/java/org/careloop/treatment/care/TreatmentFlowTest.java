package org.careloop.treatment.care;

import static org.awaitility.Awaitility.await;
import static org.careloop.treatment.Clinic.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careloop.contracts.Topics;
import org.careloop.contracts.intake.AssessmentCompleted;
import org.careloop.contracts.risk.RiskEscalated;
import org.careloop.contracts.risk.RiskLevelChanged;
import org.careloop.platform.messaging.CloudEventHeaders;
import org.careloop.platform.testing.KafkaProbe;
import org.careloop.platform.testing.Rows;
import org.careloop.treatment.Clinic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client's care from assignment to discharge, through the API, with the events it publishes read
 * back from the real broker and those it consumes published there.
 */
@QuarkusTest
class TreatmentFlowTest {

    static final Duration EVENTUALLY = Duration.ofSeconds(30);

    @Inject DataSource db;

    UUID client;

    @BeforeEach
    void clinic() {
        Clinic.staff();
        client = Clinic.client(db, "Flow");
        Clinic.assign(client, "associate1", "PRIMARY");
    }

    String writePlan(String author, int below) {
        return as(author)
                .body(Clinic.plan(below, "associate1"))
                .when()
                .post("/clients/" + client + "/plans")
                .then()
                .statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("versions[0].content.problems[0].goals[0].objectives[0].id", equalTo("1.1.1"))
                .extract()
                .path("planId");
    }

    JsonPath sign(String plan, String user, String body, int status) {
        return as(user).body(body)
                .when()
                .post("/plans/" + plan + "/signatures")
                .then()
                .statusCode(status)
                .extract()
                .jsonPath();
    }

    String activePlan() {
        String plan = writePlan("associate1", 10);
        sign(plan, "associate1", "{\"role\":\"AUTHOR\"}", 200);
        sign(plan, "associate1", "{\"role\":\"CLIENT\",\"method\":\"IN_PERSON\"}", 200);
        sign(plan, "supervisor1", "{\"role\":\"SUPERVISOR\"}", 200);
        return plan;
    }

    static ConsumerRecord<String, String> published(String type, String id) {
        return KafkaProbe.await(
                Topics.TREATMENT,
                r ->
                        ("careloop.treatment." + type + ".v1")
                                        .equals(KafkaProbe.header(r, CloudEventHeaders.TYPE))
                                && r.value().contains(id),
                EVENTUALLY);
    }

    @Test
    void anAssociatesPlanIsActiveOnlyOnceTheClientAndTheSupervisorHaveSigned() {
        String plan = writePlan("associate1", 10);
        // On the care team, but not the plan's author, nor its supervisor.
        Clinic.assign(client, "clinician1", "PRESCRIBER");

        assertEquals("wrong-signer", slug(sign(plan, "clinician1", "{\"role\":\"AUTHOR\"}", 403)));
        assertEquals(
                "out-of-order",
                slug(
                        sign(
                                plan,
                                "associate1",
                                "{\"role\":\"CLIENT\",\"method\":\"IN_PERSON\"}",
                                409)));
        assertEquals(
                "AWAITING_CLIENT_SIGNATURE",
                sign(plan, "associate1", "{\"role\":\"AUTHOR\"}", 200).getString("status"));
        assertEquals(
                "witness",
                sign(
                                plan,
                                "associate1",
                                "{\"role\":\"CLIENT\",\"method\":\"VERBAL_TELEHEALTH\"}",
                                400)
                        .getString("errors[0].field"));
        assertEquals(
                "AWAITING_COSIGNATURE",
                sign(
                                plan,
                                "associate1",
                                "{\"role\":\"CLIENT\",\"method\":\"VERBAL_TELEHEALTH\",\"witness\":\"Dana Okafor\"}",
                                200)
                        .getString("status"));
        as("supervisor1")
                .when()
                .get("/cosign-queue")
                .then()
                .statusCode(200)
                .body("plans.planId", hasItem(plan));
        assertEquals(
                "wrong-signer", slug(sign(plan, "clinician1", "{\"role\":\"SUPERVISOR\"}", 403)));

        JsonPath active = sign(plan, "supervisor1", "{\"role\":\"SUPERVISOR\"}", 200);

        assertEquals("ACTIVE", active.getString("status"));
        assertEquals("ACTIVE", active.getString("versions[0].status"));
        assertEquals(3, active.getList("versions[0].signatures").size());
        String approved = published("TreatmentPlanApproved", plan).value();
        assertTrue(approved.contains("\"cosignedBy\":\"supervisor1\""), approved);
        assertTrue(approved.contains("\"code\":\"F33.1\""), approved);
        as("supervisor1")
                .when()
                .get("/cosign-queue")
                .then()
                .body("plans.planId", not(hasItem(plan)));
        as("clinician2")
                .body(Clinic.plan(10, "associate1"))
                .when()
                .post("/clients/" + client + "/plans")
                .then()
                .statusCode(403);
    }

    @Test
    void aRevisionIsSignedAgainWhileTheActiveVersionStaysInForce() {
        String plan = activePlan();

        JsonPath revised =
                as("associate1")
                        .body(Clinic.plan(5, "associate1"))
                        .when()
                        .post("/plans/" + plan + "/revisions")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath();

        assertEquals("ACTIVE", revised.getString("status"));
        assertEquals("DRAFT", revised.getString("pendingStatus"));
        assertEquals(2, revised.getInt("latestVersion"));
        assertEquals(1, revised.getInt("activeVersion"));
        assertEquals(10, revised.getInt("versions[0].content.problems[0].goals[0].measure.below"));
        sign(plan, "associate1", "{\"role\":\"AUTHOR\"}", 200);
        sign(plan, "associate1", "{\"role\":\"CLIENT\",\"method\":\"ELECTRONIC\"}", 200);
        JsonPath second = sign(plan, "supervisor1", "{\"role\":\"SUPERVISOR\"}", 200);
        assertEquals(2, second.getInt("activeVersion"));
        assertEquals("SUPERSEDED", second.getString("versions[0].status"));
        assertEquals("ACTIVE", second.getString("versions[1].status"));
        as("associate1")
                .body(Clinic.plan(10, "associate1"))
                .when()
                .post("/clients/" + client + "/plans")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:careloop:problem:open-plan"));
    }

    @Test
    void anAssociatesNoteIsFinalOnlyOnceCosignedAndThenCarriesWhatAClaimNeeds() {
        String plan = activePlan();
        Instant start = Instant.now().minus(Duration.ofHours(2));
        String session =
                as("associate1")
                        .body(Clinic.session("INDIVIDUAL", start, 55, "[\"1.1.1\"]"))
                        .when()
                        .post("/clients/" + client + "/sessions")
                        .then()
                        .statusCode(201)
                        .body("status", equalTo("DRAFT"))
                        .extract()
                        .path("sessionId");
        as("clinician1").when().post("/sessions/" + session + "/signature").then().statusCode(403);
        as("supervisor1")
                .when()
                .post("/sessions/" + session + "/cosignature")
                .then()
                .statusCode(409);

        as("associate1")
                .when()
                .post("/sessions/" + session + "/signature")
                .then()
                .statusCode(200)
                .body("status", equalTo("AWAITING_COSIGN"))
                .body("documentedAt", nullValue());
        as("supervisor1")
                .when()
                .get("/cosign-queue")
                .then()
                .body("notes.sessionId", hasItem(session));
        as("associate1")
                .when()
                .get("/caseload")
                .then()
                .statusCode(200)
                .body(
                        "find { it.clientId == '" + client + "' }.notesAwaitingCosignature",
                        equalTo(1));
        assertTrue(
                KafkaProbe.records(Topics.TREATMENT).stream()
                        .noneMatch(
                                r ->
                                        r.value().contains(session)
                                                && KafkaProbe.header(r, CloudEventHeaders.TYPE)
                                                        .contains("SessionDocumented")),
                "documented before the co-signature");

        as("supervisor1")
                .when()
                .post("/sessions/" + session + "/cosignature")
                .then()
                .statusCode(200)
                .body("status", equalTo("COSIGNED"));

        String documented = published("SessionDocumented", session).value();
        assertTrue(documented.contains("\"renderingClinician\":\"associate1\""), documented);
        assertTrue(documented.contains("\"supervisingClinician\":\"supervisor1\""), documented);
        assertTrue(documented.contains("\"minutes\":55"), documented);
        assertTrue(documented.contains("\"planId\":\"" + plan + "\""), documented);
        assertTrue(documented.contains("F33.1"), documented);

        as("associate1")
                .body("{\"text\":\"Client called later: safe, plans for the weekend.\"}")
                .when()
                .post("/sessions/" + session + "/addenda")
                .then()
                .statusCode(201)
                .body("addenda[0].number", equalTo(1))
                .body("note.data", equalTo("Reports sleeping better; two activities done."));
        as("associate1")
                .body("{\"reason\":\"Documented under the wrong client\"}")
                .when()
                .post("/sessions/" + session + "/void")
                .then()
                .statusCode(200)
                .body("status", equalTo("VOIDED"));
        published("SessionVoided", session);
    }

    @Test
    void anObjectiveNotOnThePlanOrASessionOverEightHoursIsRefusedAndNothingStored()
            throws Exception {
        String plan = activePlan();
        long before = Rows.count(db, "select count(*) from event_store");
        Instant start = Instant.now().minus(Duration.ofHours(10));

        as("associate1")
                .body(Clinic.session("INDIVIDUAL", start, 55, "[\"1.1.1\",\"3.1.1\"]"))
                .when()
                .post("/clients/" + client + "/sessions")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("objectivesAddressed[1]"));
        as("associate1")
                .body(Clinic.session("INDIVIDUAL", start, 8 * 60 + 1, "[]"))
                .when()
                .post("/clients/" + client + "/sessions")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("endedAt"));
        as("associate1")
                .body(Clinic.plan(10, "associate1").replace("F33.1", "33.1F"))
                .when()
                .post("/plans/" + plan + "/revisions")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("diagnoses[0].code"));
        as("associate1")
                .body(Clinic.session("INDIVIDUAL", start, 55, "[]"))
                .when()
                .post("/clients/" + UUID.randomUUID() + "/sessions")
                .then()
                .statusCode(403);
        assertEquals(before, Rows.count(db, "select count(*) from event_store"));
    }

    @Test
    void thePlanFallsDueForReviewOnceOnItsDate() throws Exception {
        String plan = activePlan();

        published("TreatmentPlanReviewDue", plan);
        await().atMost(EVENTUALLY)
                .until(
                        () ->
                                Rows.count(
                                                db,
                                                "select count(*) from deadline where stream_id = '"
                                                        + plan
                                                        + "'")
                                        == 0);
        assertEquals(
                1,
                Rows.count(
                        db,
                        "select count(*) from event_store where stream_id = '"
                                + plan
                                + "' and event_type = 'treatment.plan.ReviewDue'"));
        as("associate1")
                .when()
                .get("/plans/" + plan)
                .then()
                .body("reviewOverdue", equalTo(true))
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    void aRiskEscalationPutsTheActivePlanUpForReviewAndTheCaseloadShowsIt() {
        String plan = activePlan();
        UUID episode = UUID.randomUUID();
        Instant now = Instant.now();

        KafkaProbe.publish(
                new RiskLevelChanged(
                        client,
                        "NONE",
                        "HIGH",
                        "SCREEN",
                        null,
                        "C-SSRS: intent with plan",
                        null,
                        now),
                UUID.randomUUID());
        KafkaProbe.publish(
                new RiskEscalated(
                        client, episode, "NONE", "HIGH", "C-SSRS: intent with plan", null, now),
                UUID.randomUUID());

        String required = published("TreatmentPlanReviewRequired", plan).value();
        assertTrue(required.contains(episode.toString()), required);
        as("associate1")
                .when()
                .get("/caseload")
                .then()
                .statusCode(200)
                .body("find { it.clientId == '" + client + "' }.riskLevel", equalTo("HIGH"))
                .body(
                        "find { it.clientId == '" + client + "' }.plan.reviewRequired",
                        equalTo("Risk rose to HIGH: C-SSRS: intent with plan"));
    }

    @Test
    void scoresMeetAMeasuredGoalAndALaterScoreUnmeetsIt() {
        String plan = activePlan();

        score(20, 3);
        score(9, 2);
        published("GoalMet", plan);
        as("associate1")
                .when()
                .get("/plans/" + plan)
                .then()
                .body("versions[0].measuredGoals[0].goalId", equalTo("1.1"))
                .body("versions[0].measuredGoals[0].met", equalTo(true))
                .body("versions[0].measuredGoals[0].score", equalTo(9));
        score(12, 1);
        published("GoalNoLongerMet", plan);
    }

    private void score(int total, int daysAgo) {
        KafkaProbe.publish(
                new AssessmentCompleted(
                        UUID.randomUUID(),
                        client,
                        "PHQ-9",
                        Instant.now().minus(Duration.ofDays(daysAgo)),
                        "intake1",
                        List.of(),
                        null,
                        null,
                        total,
                        "MODERATE",
                        null,
                        List.of(),
                        List.of()),
                UUID.randomUUID());
    }

    @Test
    void dischargeEndsTheCareTeamAndClosesThePlan() throws Exception {
        String plan = activePlan();
        Clinic.assign(client, "clinician1", "PRESCRIBER");
        score(20, 3);
        await().atMost(EVENTUALLY)
                .untilAsserted(
                        () ->
                                as("associate1")
                                        .when()
                                        .get("/clients/" + client + "/outcomes")
                                        .then()
                                        .body("instruments[0].series.size()", equalTo(1)));

        as("clinician2")
                .body("{\"reason\":\"Goals met\",\"criteriaMet\":true}")
                .when()
                .post("/clients/" + client + "/discharge")
                .then()
                .statusCode(403);
        as("associate1")
                .body(
                        "{\"reason\":\"Goals met\",\"criteriaMet\":true,\"aftercare\":\"Peer support group monthly\"}")
                .when()
                .post("/clients/" + client + "/discharge")
                .then()
                .statusCode(200);

        published("ClientDischarged", client.toString());
        // The care team is gone, and with it the former team's access to the record.
        assertEquals(
                0,
                Rows.count(
                        db,
                        "select count(*) from care_team_member where client_id = '"
                                + client
                                + "'"));
        assertEquals(
                1,
                Rows.count(
                        db,
                        "select count(*) from treatment_plan where plan_id = '"
                                + plan
                                + "' and status = 'CLOSED'"));
        as("associate1").when().get("/plans/" + plan).then().statusCode(403);
        // The client returns: a new care team, and a new episode of care measured from its own
        // first score, not the last episode's.
        Clinic.assign(client, "associate1", "PRIMARY");
        as("associate1").when().get("/plans/" + plan).then().body("status", equalTo("CLOSED"));
        score(12, 0);
        await().atMost(EVENTUALLY)
                .untilAsserted(
                        () ->
                                as("supervisor1")
                                        .when()
                                        .get("/clients/" + client + "/outcomes")
                                        .then()
                                        .body("instruments[0].baseline.score", equalTo(12))
                                        .body("instruments[0].series.size()", equalTo(1))
                                        .body("instruments[0].status", equalTo("BASELINE")));
        await().atMost(EVENTUALLY)
                .untilAsserted(
                        () ->
                                assertEquals(
                                        2,
                                        KafkaProbe.records(Topics.TREATMENT).stream()
                                                .filter(
                                                        r ->
                                                                client.toString().equals(r.key())
                                                                        && KafkaProbe.header(
                                                                                        r,
                                                                                        CloudEventHeaders
                                                                                                .TYPE)
                                                                                .contains(
                                                                                        "ClinicianUnassigned"))
                                                .count()));
    }

    private static String slug(JsonPath problem) {
        String type = problem.getString("type");
        return type.substring(type.lastIndexOf(':') + 1);
    }
}
