package org.careloop.billing.pas;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careloop.billing.session.Treatment;
import org.careloop.platform.testing.Tokens;
import org.hl7.fhir.r4.model.Claim;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Prior authorization over a payer's Da Vinci PAS interface, against a payer stand-in on loopback:
 * approved, pended then approved, denied, and a payer that is down, then up.
 */
@QuarkusTest
class ElectronicAuthorizationTest {

    static final LocalDate START = LocalDate.now().minusDays(1);
    static final LocalDate END = LocalDate.now().plusDays(90);

    private PayerStandIn payer;
    private String payerId;
    private UUID clientId;

    @BeforeEach
    void electronicPayer() throws Exception {
        payer = new PayerStandIn();
        payerId = "pas-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth()
                .oauth2(Tokens.of("billing1"))
                .contentType(ContentType.JSON)
                .body(
                        Map.of(
                                "name", "Electronic Mutual",
                                "requiresAuthorization", List.of("90837"),
                                "fees", Map.of("90837", 150.25),
                                "pas",
                                        Map.of(
                                                "baseUrl", payer.baseUrl(),
                                                "clientId", "careloop-clinic",
                                                "clientSecret", "stand-in-secret")))
                .when()
                .put("/payers/" + payerId)
                .then()
                .statusCode(200)
                .body("pas.clientSecretSet", equalTo(true))
                .body("pas.clientSecret", equalTo(null));
        clientId = Treatment.registered();
        given().auth()
                .oauth2(Tokens.of("billing1"))
                .contentType(ContentType.JSON)
                .body(
                        Map.of(
                                "memberId", "E-200",
                                "relationship", "SELF",
                                "priority", "PRIMARY",
                                "effectiveFrom", START.minusDays(30).toString()))
                .when()
                .put("/clients/" + clientId + "/coverages/" + payerId)
                .then()
                .statusCode(200);
    }

    @AfterEach
    void payerGone() {
        payer.close();
    }

    private String submitted() {
        String id =
                given().auth()
                        .oauth2(Tokens.of("billing1"))
                        .contentType(ContentType.JSON)
                        .body(
                                Map.of(
                                        "payerId", payerId,
                                        "urgency", "EXPEDITED",
                                        "services", List.of(Map.of("cpt", "90837", "units", 8)),
                                        "startDate", START.toString(),
                                        "endDate", END.toString(),
                                        "diagnoses", List.of("F33.1"),
                                        "justification", "PHQ-9 of 19 with passive ideation"))
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
                .statusCode(200)
                .body("status", equalTo("REQUESTED"))
                .body("electronic", equalTo(true));
        return id;
    }

    private static ValidatableResponse authorization(String id) {
        return given().auth()
                .oauth2(Tokens.of("billing1"))
                .when()
                .get("/authorizations/" + id)
                .then()
                .statusCode(200);
    }

    private static void awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> authorization(id).body("status", equalTo(status)));
    }

    @Test
    void anApprovalFromThePayersInterfaceActivatesTheAuthorization() {
        payer.answerSubmit(PayerStandIn.Answer.approved("PAS-7781", "90837", 8, START, END));

        String id = submitted();

        awaitStatus(id, "ACTIVE");
        authorization(id)
                .body("outcome", equalTo("APPROVED"))
                .body("authorizationNumber", equalTo("PAS-7781"))
                .body("remainingUnits", equalTo(8))
                .body("timeline.what", hasItem("APPROVED"));
        PayerStandIn.Call call = payer.calls().get(0);
        assertEquals(PayerStandIn.SUBMIT, call.operation());
        assertEquals(
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString(
                                        "careloop-clinic:stand-in-secret"
                                                .getBytes(StandardCharsets.UTF_8)),
                call.authorization());
        Claim claim = (Claim) call.bundle().getEntryFirstRep().getResource();
        assertEquals(Claim.Use.PREAUTHORIZATION, claim.getUse());
        assertEquals("stat", claim.getPriority().getCodingFirstRep().getCode());
    }

    @Test
    void aPendedRequestIsAskedAgainUntilThePayerDecides() {
        payer.answerSubmit(PayerStandIn.Answer.pended("clinical review"));
        payer.answerInquire(
                PayerStandIn.Answer.pended("still in review"),
                PayerStandIn.Answer.partiallyApproved(
                        "PAS-9001", "90837", 4, START, END, "four now, review after"));

        String id = submitted();

        awaitStatus(id, "PENDED");
        awaitStatus(id, "ACTIVE");
        authorization(id)
                .body("outcome", equalTo("PARTIALLY_APPROVED"))
                .body("remainingUnits", equalTo(4))
                .body("timeline.what", hasItem("PENDED"));
        assertEquals(
                2,
                payer.calls().stream()
                        .filter(c -> c.operation().equals(PayerStandIn.INQUIRE))
                        .count());
    }

    @Test
    void aDenialFromThePayerIsRecordedWithItsReasonAndCanBeAppealed() {
        payer.answerSubmit(PayerStandIn.Answer.denied("Outpatient level of care not supported"));

        String id = submitted();

        awaitStatus(id, "DENIED");
        authorization(id).body("reason", equalTo("Outpatient level of care not supported"));
        given().auth()
                .oauth2(Tokens.of("billing1"))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Scores attached"))
                .when()
                .post("/authorizations/" + id + "/appeals")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPEALED"));
    }

    @Test
    void aPayerThatIsDownIsCalledAgainUntilItAnswersAndHoldsUpNothingElse() {
        payer.down();

        String id = submitted();

        await().atMost(Duration.ofSeconds(30)).until(() -> payer.calls().size() >= 3);
        authorization(id).body("status", equalTo("REQUESTED"));
        // meanwhile billing staff go on with their day
        String manual =
                given().auth()
                        .oauth2(Tokens.of("billing1"))
                        .contentType(ContentType.JSON)
                        .body(
                                Map.of(
                                        "payerId", payerId,
                                        "urgency", "STANDARD",
                                        "services", List.of(Map.of("cpt", "90837", "units", 2)),
                                        "startDate", START.toString(),
                                        "endDate", END.toString(),
                                        "diagnoses", List.of("F33.1"),
                                        "justification", "A second request, by phone"))
                        .when()
                        .post("/clients/" + clientId + "/authorizations")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("authorizationId");
        authorization(manual).body("status", equalTo("DRAFT"));

        payer.answerSubmit(PayerStandIn.Answer.approved("PAS-4242", "90837", 8, START, END));
        payer.up();

        awaitStatus(id, "ACTIVE");
        authorization(id).body("authorizationNumber", equalTo("PAS-4242"));
        assertTrue(
                payer.calls().stream().allMatch(c -> c.operation().equals(PayerStandIn.SUBMIT)),
                "only submissions while it was down");
    }
}
