package org.careloop.billing.claim;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.careloop.billing.session.Treatment;
import org.careloop.contracts.Topics;
import org.careloop.contracts.intake.ConsentRecorded;
import org.careloop.contracts.treatment.Diagnosis;
import org.careloop.contracts.treatment.SessionDocumented;
import org.careloop.contracts.treatment.SessionVoided;
import org.careloop.platform.testing.KafkaProbe;
import org.careloop.platform.testing.Rows;
import org.careloop.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Billing staff's prior-authorization workflow against the real database and broker: sessions draw
 * units by themselves, warnings come before exhaustion, a claim waits for a new authorization, and
 * a void gives a unit back.
 */
@QuarkusTest
class PriorAuthorizationFlowTest {

    @Inject DataSource db;

    static String payer() {
        String payerId = "payer-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth()
                .oauth2(Tokens.of("billing1"))
                .contentType(ContentType.JSON)
                .body(
                        Map.of(
                                "name",
                                "Test Mutual",
                                "requiresAuthorization",
                                List.of("90837"),
                                "telehealth",
                                Map.of("videoModifier", "95", "audioOnlyModifier", "93"),
                                "supervisedBilling",
                                true,
                                "fees",
                                Map.of(
                                        "90837", 150.00,
                                        "90834", 110.00,
                                        "90832", 80.00,
                                        "90785", 20.00),
                                "timelyFilingDays",
                                90))
                .when()
                .put("/payers/" + payerId)
                .then()
                .statusCode(200)
                .body("requiresAuthorization", equalTo(List.of("90837")));
        return payerId;
    }

    static void covered(UUID clientId, String payerId) {
        given().auth()
                .oauth2(Tokens.of("billing1"))
                .contentType(ContentType.JSON)
                .body(
                        Map.of(
                                "memberId",
                                "M-" + clientId.toString().substring(0, 8),
                                "relationship",
                                "SELF",
                                "priority",
                                "PRIMARY",
                                "effectiveFrom",
                                LocalDate.now().minusDays(365).toString()))
                .when()
                .put("/clients/" + clientId + "/coverages/" + payerId)
                .then()
                .statusCode(200)
                .body("priority", equalTo("PRIMARY"));
    }

    static String drafted(UUID clientId, String payerId, int units) {
        return given().auth()
                .oauth2(Tokens.of("billing1"))
                .contentType(ContentType.JSON)
                .body(
                        Map.of(
                                "payerId", payerId,
                                "urgency", "STANDARD",
                                "services", List.of(Map.of("cpt", "90837", "units", units)),
                                "startDate", LocalDate.now().minusDays(30).toString(),
                                "endDate", LocalDate.now().plusDays(60).toString(),
                                "diagnoses", List.of("F33.1"),
                                "justification", "Recurrent moderate depression; PHQ-9 of 17"))
                .when()
                .post("/clients/" + clientId + "/authorizations")
                .then()
                .statusCode(201)
                .body("status", equalTo("DRAFT"))
                .extract()
                .path("authorizationId");
    }

    static ValidatableResponse decide(String authorizationId, Map<String, Object> decision) {
        return given().auth()
                .oauth2(Tokens.of("billing1"))
                .contentType(ContentType.JSON)
                .body(decision)
                .when()
                .post("/authorizations/" + authorizationId + "/decisions")
                .then();
    }

    static void submitted(String authorizationId) {
        given().auth()
                .oauth2(Tokens.of("billing1"))
                .when()
                .post("/authorizations/" + authorizationId + "/submission")
                .then()
                .statusCode(200)
                .body("status", equalTo("REQUESTED"))
                .body("decisionDueAt", notNullValue());
    }

    static String approved(UUID clientId, String payerId, int units, String number) {
        String id = drafted(clientId, payerId, units);
        submitted(id);
        decide(
                        id,
                        Map.of(
                                "outcome",
                                "APPROVED",
                                "authorizationNumber",
                                number,
                                "services",
                                List.of(Map.of("cpt", "90837", "units", units))))
                .statusCode(200)
                .body("status", equalTo("ACTIVE"));
        return id;
    }

    static ValidatableResponse claim(UUID sessionId) {
        return given().auth()
                .oauth2(Tokens.of("billing1"))
                .when()
                .get("/claims/" + Claims.claimIdOf(sessionId))
                .then();
    }

    /** A payer, a client under an approved plan, a licensed clinician, and perhaps coverage. */
    record Practice(String payerId, UUID clientId, UUID planId, String clinician) {}

    static Practice practice(boolean covered) {
        String payerId = payer();
        UUID clientId = Treatment.registered();
        UUID planId = Treatment.planApproved(clientId);
        String clinician = "clinician-" + UUID.randomUUID();
        Treatment.credential(clinician, "LCSW", true, null, "1245319599");
        if (covered) {
            covered(clientId, payerId);
        }
        return new Practice(payerId, clientId, planId, clinician);
    }

    static void awaitClaim(UUID sessionId, String status) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> claim(sessionId).statusCode(200).body("status", equalTo(status)));
    }

    static ValidatableResponse authorization(String id) {
        return given().auth()
                .oauth2(Tokens.of("billing1"))
                .when()
                .get("/authorizations/" + id)
                .then()
                .statusCode(200);
    }

    @Test
    void twoApprovedUnitsAreUsedBySessionsThenAThirdClaimWaitsForANewAuthorization()
            throws Exception {
        String payerId = payer();
        UUID clientId = Treatment.registered();
        UUID planId = Treatment.planApproved(clientId);
        String associate = "associate-" + UUID.randomUUID();
        String supervisor = "supervisor-" + UUID.randomUUID();
        Treatment.credential(supervisor, "LCSW", true, null, "1245319599");
        Treatment.credential(associate, "LPC-Associate", false, supervisor, "1234567893");
        covered(clientId, payerId);

        String first = drafted(clientId, payerId, 2);
        submitted(first);
        decide(first, Map.of("outcome", "PENDED", "reason", "Send the latest PHQ-9"))
                .statusCode(200)
                .body("status", equalTo("PENDED"));
        decide(
                        first,
                        Map.of(
                                "outcome", "APPROVED",
                                "authorizationNumber", "PA-ONE",
                                "services", List.of(Map.of("cpt", "90837", "units", 2))))
                .statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("remainingUnits", equalTo(2));

        SessionDocumented one =
                Treatment.session(
                        clientId,
                        planId,
                        "INDIVIDUAL",
                        55,
                        "IN_PERSON",
                        associate,
                        supervisor,
                        Duration.ofDays(3));
        SessionDocumented two =
                Treatment.session(
                        clientId,
                        planId,
                        "INDIVIDUAL",
                        55,
                        "IN_PERSON",
                        associate,
                        supervisor,
                        Duration.ofDays(2));
        KafkaProbe.publish(one, UUID.randomUUID());
        UUID twoEvent = UUID.randomUUID();
        KafkaProbe.publish(two, twoEvent);
        awaitClaim(one.sessionId(), "READY");
        awaitClaim(two.sessionId(), "READY");
        claim(one.sessionId())
                .body("authorizationNumber", equalTo("PA-ONE"))
                .body("lines.cpt", equalTo(List.of("90837")))
                .body("lines[0].placeOfService", equalTo("11"))
                .body("totalCharge", equalTo(150.0f));
        authorization(first)
                .body("status", equalTo("EXHAUSTED"))
                .body("remainingUnits", equalTo(0))
                .body(
                        "ledger.sessionId",
                        hasItems(one.sessionId().toString(), two.sessionId().toString()))
                .body(
                        "timeline.what",
                        hasItems("PENDED", "APPROVED", "NEARLY_EXHAUSTED", "EXHAUSTED"));
        KafkaProbe.await(
                Topics.BILLING,
                r ->
                        r.value().contains(first)
                                && "careloop.billing.AuthorizationNearlyExhausted.v1"
                                        .equals(KafkaProbe.header(r, "ce_type")),
                Duration.ofSeconds(30));
        KafkaProbe.await(
                Topics.BILLING,
                r ->
                        r.value().contains(first)
                                && "careloop.billing.AuthorizationExhausted.v1"
                                        .equals(KafkaProbe.header(r, "ce_type")),
                Duration.ofSeconds(30));

        // The same session announced again (a redelivery under a new event id) uses nothing more.
        KafkaProbe.publish(two, UUID.randomUUID());
        KafkaProbe.publish(two, twoEvent);
        SessionDocumented three =
                Treatment.session(
                        clientId,
                        planId,
                        "INDIVIDUAL",
                        55,
                        "IN_PERSON",
                        associate,
                        supervisor,
                        Duration.ofDays(1));
        KafkaProbe.publish(three, UUID.randomUUID());
        awaitClaim(three.sessionId(), "HELD");
        claim(three.sessionId()).body("holds.reason", equalTo(List.of("AUTHORIZATION_EXHAUSTED")));
        assertEquals(
                1,
                Rows.count(
                        db,
                        "select count(*) from authorization_ledger where session_id = '"
                                + two.sessionId()
                                + "'"));
        given().auth()
                .oauth2(Tokens.of("billing1"))
                .when()
                .get("/claims?status=HELD&reason=AUTHORIZATION_EXHAUSTED")
                .then()
                .statusCode(200)
                .body("claimId", hasItem(Claims.claimIdOf(three.sessionId()).toString()));
        given().auth()
                .oauth2(Tokens.of("billing1"))
                .when()
                .get("/worklist")
                .then()
                .statusCode(200)
                .body(
                        "heldClaims.claimId",
                        hasItem(Claims.claimIdOf(three.sessionId()).toString()));

        String second = approved(clientId, payerId, 4, "PA-TWO");
        claim(three.sessionId())
                .statusCode(200)
                .body("status", equalTo("READY"))
                .body("authorizationNumber", equalTo("PA-TWO"));
        authorization(second).body("usedUnits", equalTo(1));

        KafkaProbe.publish(
                new SessionVoided(
                        clientId,
                        one.sessionId(),
                        "Entered for the wrong client",
                        Instant.now(),
                        supervisor),
                UUID.randomUUID());
        awaitClaim(one.sessionId(), "VOIDED");
        authorization(first)
                .body("status", equalTo("ACTIVE"))
                .body("remainingUnits", equalTo(1))
                .body("timeline.what", hasItem("UNITS_RETURNED"));

        // Every billing read model is what its events say: rebuilt, each is the same.
        String client = "client_id = '" + clientId + "'";
        String before = billingOf(client, payerId);
        for (String projection :
                List.of("payers", "coverages", "authorizations", "claims", "treatment-plans")) {
            given().auth()
                    .oauth2(Tokens.of("admin1"))
                    .when()
                    .post("/admin/projections/" + projection + "/rebuild")
                    .then()
                    .statusCode(200);
        }
        assertEquals(before, billingOf(client, payerId));
    }

    private String billingOf(String client, String payerId) throws Exception {
        return Rows.dump(db, "payer", "payer_id = '" + payerId + "'", "payer_id")
                + Rows.dump(db, "coverage", client, "payer_id")
                + Rows.dump(db, "authorization_request", client, "authorization_id")
                + Rows.dump(
                        db,
                        "authorization_ledger",
                        "authorization_id in (select authorization_id from authorization_request where "
                                + client
                                + ")",
                        "authorization_id, session_id, cpt")
                + Rows.dump(db, "claim", client, "claim_id")
                + Rows.dump(db, "billing_plan", client, "plan_id");
    }

    @Test
    void aSubstanceUseClaimWaitsForTheClientsConsentAndItsExportIsAnAccountedDisclosure() {
        Practice practice = practice(true);
        String payerId = practice.payerId();
        UUID clientId = practice.clientId();
        UUID planId = practice.planId();
        String clinician = practice.clinician();
        SessionDocumented base =
                Treatment.session(
                        clientId,
                        planId,
                        "INDIVIDUAL",
                        45,
                        "IN_PERSON",
                        clinician,
                        null,
                        Duration.ofDays(1));
        // An alcohol use disorder: a 42 CFR Part 2 record.
        SessionDocumented session =
                new SessionDocumented(
                        base.clientId(),
                        base.sessionId(),
                        base.type(),
                        base.startedAt(),
                        base.endedAt(),
                        base.minutes(),
                        base.modality(),
                        base.clientLocation(),
                        base.interactiveComplexity(),
                        base.renderingClinician(),
                        base.supervisingClinician(),
                        List.of(new Diagnosis("F10.20", "Alcohol dependence, uncomplicated")),
                        base.planId(),
                        null,
                        base.documentedAt());
        KafkaProbe.publish(session, UUID.randomUUID());
        awaitClaim(session.sessionId(), "HELD");
        claim(session.sessionId()).body("holds.reason", equalTo(List.of("CONSENT_REQUIRED")));

        UUID consentId = UUID.randomUUID();
        KafkaProbe.publish(
                new ConsentRecorded(
                        clientId,
                        consentId,
                        "DISCLOSURE",
                        "payer:" + payerId,
                        List.of("PAYMENT"),
                        true,
                        LocalDate.now().minusDays(1),
                        null,
                        Instant.now(),
                        "intake1"),
                UUID.randomUUID());
        awaitClaim(session.sessionId(), "READY");

        given().auth()
                .oauth2(Tokens.of("billing1"))
                .when()
                .post("/claims/exports")
                .then()
                .statusCode(201);
        claim(session.sessionId()).body("status", equalTo("EXPORTED"));
        var disclosed =
                KafkaProbe.await(
                        Topics.ACCESS,
                        r ->
                                r.value().contains(consentId.toString())
                                        && "careloop.access.RecordDisclosed.v1"
                                                .equals(KafkaProbe.header(r, "ce_type")),
                        Duration.ofSeconds(30));
        assertTrue(disclosed.value().contains("\"recipient\":\"payer:" + payerId + "\""));
        assertTrue(disclosed.value().contains("42 CFR part 2"));
    }

    @Test
    void aClaimNearItsFilingLimitIsOnTheWorklistAndOnePastItIsHeld() {
        Practice practice = practice(true);
        String payerId = practice.payerId();
        UUID clientId = practice.clientId();
        UUID planId = practice.planId();
        String clinician = practice.clinician();
        // the payer takes claims for 90 days: one session 85 days ago, one 95
        SessionDocumented near =
                Treatment.session(
                        clientId,
                        planId,
                        "INDIVIDUAL",
                        40,
                        "IN_PERSON",
                        clinician,
                        null,
                        Duration.ofDays(85));
        SessionDocumented late =
                Treatment.session(
                        clientId,
                        planId,
                        "INDIVIDUAL",
                        40,
                        "IN_PERSON",
                        clinician,
                        null,
                        Duration.ofDays(95));
        KafkaProbe.publish(near, UUID.randomUUID());
        KafkaProbe.publish(late, UUID.randomUUID());

        awaitClaim(near.sessionId(), "READY");
        awaitClaim(late.sessionId(), "HELD");
        claim(late.sessionId()).body("holds.reason", equalTo(List.of("TIMELY_FILING_PASSED")));
        given().auth()
                .oauth2(Tokens.of("billing1"))
                .when()
                .get("/worklist")
                .then()
                .statusCode(200)
                .body(
                        "filingDeadlines.claimId",
                        hasItems(
                                Claims.claimIdOf(near.sessionId()).toString(),
                                Claims.claimIdOf(late.sessionId()).toString()));
    }

    @Test
    void aKindOfSessionBillingCannotCodeIsHeldAndTheSessionIsStillKept() {
        Practice practice = practice(true);
        SessionDocumented session =
                Treatment.session(
                        practice.clientId(),
                        practice.planId(),
                        "ART_THERAPY",
                        50,
                        "IN_PERSON",
                        practice.clinician(),
                        null,
                        Duration.ofDays(1));
        KafkaProbe.publish(session, UUID.randomUUID());

        awaitClaim(session.sessionId(), "HELD");
        claim(session.sessionId()).body("holds.reason", equalTo(List.of("NOT_CODABLE")));
        Treatment.awaitSession(session.sessionId());
    }

    @Test
    void aSessionWithoutCoverageIsHeldAndReleasedWhenTheCoverageIsRecorded() {
        Practice practice = practice(false);
        String payerId = practice.payerId();
        UUID clientId = practice.clientId();
        UUID planId = practice.planId();
        String clinician = practice.clinician();
        SessionDocumented session =
                Treatment.session(
                        clientId,
                        planId,
                        "INDIVIDUAL",
                        40,
                        "VIDEO",
                        clinician,
                        null,
                        Duration.ofDays(1));
        KafkaProbe.publish(session, UUID.randomUUID());
        awaitClaim(session.sessionId(), "HELD");
        claim(session.sessionId()).body("holds.reason", equalTo(List.of("NO_COVERAGE")));

        covered(clientId, payerId);

        claim(session.sessionId())
                .body("status", equalTo("READY"))
                .body("lines[0].cpt", equalTo("90834"))
                .body("lines[0].modifiers", equalTo(List.of("95")))
                .body("lines[0].placeOfService", equalTo("02"));
    }
}
