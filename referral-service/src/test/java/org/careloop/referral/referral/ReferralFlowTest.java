package org.careloop.referral.referral;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.careloop.contracts.Topics;
import org.careloop.platform.testing.CareTeamFixture;
import org.careloop.platform.testing.KafkaProbe;
import org.careloop.platform.testing.Rows;
import org.careloop.platform.testing.Tokens;
import org.careloop.referral.client.Intake;
import org.junit.jupiter.api.Test;

/**
 * A clinician's closed-loop referral against the real database and broker: sent only under the
 * client's consent and accounted as a disclosure, the partner's answers recorded, the loop closed
 * by the referrer alone, and a routine referral's clocks lapsing once.
 */
@QuarkusTest
class ReferralFlowTest {

    @Inject DataSource db;

    static String partner(String... services) {
        String partnerId = "partner-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth()
                .oauth2(Tokens.of("supervisor1"))
                .contentType(ContentType.JSON)
                .body(
                        Map.of(
                                "name",
                                "Demo Psychiatry",
                                "services",
                                List.of(services),
                                "contact",
                                Map.of("phone", "614-555-0101", "email", "intake@example.org"),
                                "electronic",
                                false))
                .when()
                .put("/partners/" + partnerId)
                .then()
                .statusCode(200)
                .body("services", equalTo(List.of(services)));
        return partnerId;
    }

    static UUID client() {
        UUID clientId = Intake.registered();
        CareTeamFixture.onCareTeam(clientId, "clinician1", "clinician2");
        return clientId;
    }

    static ValidatableResponse draft(UUID clientId, String partnerId, String urgency, String dx) {
        return given().auth()
                .oauth2(Tokens.of("clinician1"))
                .contentType(ContentType.JSON)
                .body(
                        Map.of(
                                "partnerId",
                                partnerId,
                                "serviceType",
                                "PSYCHIATRY",
                                "urgency",
                                urgency,
                                "reason",
                                "Medication evaluation after two SSRI trials",
                                "diagnoses",
                                List.of(dx),
                                "notes",
                                "PHQ-9 of 19"))
                .when()
                .post("/clients/" + clientId + "/referrals")
                .then();
    }

    static String drafted(UUID clientId, String partnerId, String urgency) {
        return draft(clientId, partnerId, urgency, "F33.1")
                .statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("referredBy", equalTo("clinician1"))
                .extract()
                .path("referralId");
    }

    static ValidatableResponse post(String user, String referralId, String action, Object body) {
        var request = given().auth().oauth2(Tokens.of(user));
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.when().post("/referrals/" + referralId + "/" + action).then();
    }

    static ValidatableResponse referral(String referralId) {
        return given().auth()
                .oauth2(Tokens.of("clinician1"))
                .when()
                .get("/referrals/" + referralId)
                .then()
                .statusCode(200);
    }

    @Test
    void aReferralIsSentUnderConsentAnsweredByThePartnerAndClosedByItsReferrer() throws Exception {
        String partnerId = partner("PSYCHIATRY", "IOP");
        UUID clientId = client();
        UUID consentId = Intake.consented(clientId, partnerId, false);
        String referralId = drafted(clientId, partnerId, "URGENT");

        post("clinician1", referralId, "sending", null)
                .statusCode(200)
                .body("status", equalTo("REQUESTED"))
                .body("consentId", equalTo(consentId.toString()))
                .body("acceptanceDueAt", notNullValue());
        var disclosed =
                KafkaProbe.await(
                        Topics.ACCESS,
                        r ->
                                "careloop.access.RecordDisclosed.v1"
                                                .equals(KafkaProbe.header(r, "ce_type"))
                                        && r.value().contains(referralId),
                        Duration.ofSeconds(30));
        assertTrue(disclosed.value().contains("partner:" + partnerId), disclosed.value());
        assertTrue(disclosed.value().contains(consentId.toString()), disclosed.value());
        KafkaProbe.await(
                Topics.REFERRAL,
                r ->
                        "careloop.referral.ReferralRequested.v1"
                                        .equals(KafkaProbe.header(r, "ce_type"))
                                && r.value().contains(referralId),
                Duration.ofSeconds(30));

        post("clinician1", referralId, "partner-updates", Map.of("status", "RECEIVED"))
                .statusCode(200)
                .body("status", equalTo("RECEIVED"));
        post("clinician1", referralId, "partner-updates", Map.of("status", "ACCEPTED"))
                .statusCode(200)
                .body("status", equalTo("ACCEPTED"))
                .body("acceptanceDueAt", equalTo(null));
        post("clinician1", referralId, "partner-updates", Map.of("status", "IN_PROGRESS"))
                .statusCode(400)
                .body("detail", containsString("appointmentAt"));
        post("clinician1", referralId, "hold", Map.of("reason", "Client admitted to hospital"))
                .statusCode(200)
                .body("status", equalTo("ON_HOLD"));
        post("clinician1", referralId, "resumption", null)
                .statusCode(200)
                .body("status", equalTo("ACCEPTED"));
        post(
                        "clinician1",
                        referralId,
                        "partner-updates",
                        Map.of(
                                "status",
                                "IN_PROGRESS",
                                "appointmentAt",
                                Instant.now().plus(Duration.ofDays(2)).toString()))
                .statusCode(200)
                .body("status", equalTo("IN_PROGRESS"));
        post("clinician1", referralId, "cancellation", Map.of("reason", "Too late"))
                .statusCode(409)
                .body("type", containsString("illegal-transition"));
        post(
                        "clinician1",
                        referralId,
                        "partner-updates",
                        Map.of(
                                "status",
                                "COMPLETED",
                                "outcome",
                                Map.of(
                                        "summary", "Started sertraline 50 mg",
                                        "recommendations", "Continue weekly therapy",
                                        "attachments", List.of("Psychiatric evaluation note"))))
                .statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("outcome.summary", equalTo("Started sertraline 50 mg"));

        given().auth()
                .oauth2(Tokens.of("clinician1"))
                .when()
                .get("/worklist")
                .then()
                .statusCode(200)
                .body("awaitingReview.referralId", hasItem(referralId));

        post("clinician2", referralId, "review", null)
                .statusCode(403)
                .body("type", containsString("not-the-referrer"));
        post("clinician1", referralId, "review", null)
                .statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body(
                        "timeline.what",
                        equalTo(
                                List.of(
                                        "DRAFTED",
                                        "REQUESTED",
                                        "RECEIVED",
                                        "ACCEPTED",
                                        "ON_HOLD",
                                        "RESUMED",
                                        "IN_PROGRESS",
                                        "COMPLETED",
                                        "CLOSED")));
        KafkaProbe.await(
                Topics.REFERRAL,
                r ->
                        "careloop.referral.ReferralClosed.v1"
                                        .equals(KafkaProbe.header(r, "ce_type"))
                                && r.value().contains(referralId),
                Duration.ofSeconds(30));

        given().auth()
                .oauth2(Tokens.of("clinician1"))
                .when()
                .get("/clients/" + clientId + "/referrals")
                .then()
                .statusCode(200)
                .body("referralId", hasItem(referralId));

        // Every referral read model is what its events say: rebuilt, each is the same.
        String before = referralOf(clientId, partnerId);
        for (String projection : List.of("partners", "referrals")) {
            given().auth()
                    .oauth2(Tokens.of("admin1"))
                    .when()
                    .post("/admin/projections/" + projection + "/rebuild")
                    .then()
                    .statusCode(200);
        }
        assertEquals(before, referralOf(clientId, partnerId));
    }

    private String referralOf(UUID clientId, String partnerId) throws Exception {
        return Rows.dump(db, "partner", "partner_id = '" + partnerId + "'", "partner_id")
                + Rows.dump(db, "referral", "client_id = '" + clientId + "'", "referral_id");
    }

    @Test
    void aPartnerMustOfferTheServiceAndExist() {
        String partnerId = partner("HOUSING");
        UUID clientId = client();

        draft(clientId, partnerId, "ROUTINE", "F33.1")
                .statusCode(400)
                .body("detail", containsString("serviceType"));
        draft(clientId, "no-such-partner", "ROUTINE", "F33.1")
                .statusCode(400)
                .body("detail", containsString("partnerId"));
    }

    @Test
    void sendingWithoutTheClientsConsentIsRefusedAndStoresNothing() throws Exception {
        String partnerId = partner("PSYCHIATRY");
        UUID clientId = client();
        // consent to the partner that does not cover Part 2 records
        Intake.consented(clientId, partnerId, false);
        String referralId =
                draft(clientId, partnerId, "URGENT", "F10.20")
                        .statusCode(201)
                        .extract()
                        .path("referralId");
        String stored =
                "select (select count(*) from event_store where stream_id = '"
                        + referralId
                        + "') + (select count(*) from outbox where payload like '%"
                        + referralId
                        + "%')";
        long before = Rows.count(db, stored);

        post("clinician1", referralId, "sending", null)
                .statusCode(409)
                .body("type", equalTo("urn:careloop:problem:consent-required"))
                .body("detail", containsString("partner:" + partnerId))
                .body("detail", containsString("Part 2"));

        assertEquals(before, Rows.count(db, stored));
        referral(referralId).body("status", equalTo("DRAFT"));
    }

    @Test
    void aRoutineReferralsClocksLapseOnceEachAndShowAsOverdue() {
        String partnerId = partner("PSYCHIATRY");
        UUID clientId = client();
        Intake.consented(clientId, partnerId, false);
        String referralId = drafted(clientId, partnerId, "ROUTINE");
        post("clinician1", referralId, "sending", null).statusCode(200);

        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                Boolean.TRUE.equals(
                                        referral(referralId)
                                                .extract()
                                                .path("overdue.firstAppointment")));
        referral(referralId)
                .body("overdue.acceptance", equalTo(true))
                .body("timeline.what", hasItem("OVERDUE"));
        given().auth()
                .oauth2(Tokens.of("clinician1"))
                .when()
                .get("/worklist")
                .then()
                .statusCode(200)
                .body("overdue.referralId", hasItem(referralId));

        await().pollDelay(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(30))
                .until(() -> overdue(referralId).size() >= 2);
        List<String> lapsed = overdue(referralId);
        assertEquals(2, lapsed.size(), lapsed.toString());
        assertEquals(1, lapsed.stream().filter(v -> v.contains("\"ACCEPTANCE\"")).count());
        assertEquals(1, lapsed.stream().filter(v -> v.contains("\"FIRST_APPOINTMENT\"")).count());
    }

    private static List<String> overdue(String referralId) {
        return KafkaProbe.records(Topics.REFERRAL).stream()
                .filter(
                        r ->
                                "careloop.referral.ReferralOverdue.v1"
                                                .equals(KafkaProbe.header(r, "ce_type"))
                                        && r.value().contains(referralId))
                .map(r -> r.value())
                .toList();
    }
}
