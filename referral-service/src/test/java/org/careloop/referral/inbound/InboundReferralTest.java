package org.careloop.referral.inbound;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careloop.contracts.intake.InboundReferralAccepted;
import org.careloop.contracts.intake.InboundReferralDeclined;
import org.careloop.platform.testing.KafkaProbe;
import org.careloop.platform.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A partner refers a person to the clinic with its own token, follows its referral, and sees
 * intake's answer to it; another partner, and the clinic's staff, cannot.
 */
@QuarkusTest
class InboundReferralTest {

    static final String PSYCHIATRY = "partner:demo-psychiatry";
    static final String HOUSING = "partner:demo-housing";

    @BeforeEach
    void electronicPartners() {
        partner("demo-psychiatry", "Demo Psychiatry", "PSYCHIATRY");
        partner("demo-housing", "Demo Housing", "HOUSING");
    }

    static void partner(String partnerId, String name, String service) {
        given().auth()
                .oauth2(Tokens.of("supervisor1"))
                .contentType(ContentType.JSON)
                .body(
                        Map.of(
                                "name",
                                name,
                                "services",
                                List.of(service),
                                "contact",
                                Map.of("phone", "614-555-0102", "email", "referrals@example.org"),
                                "electronic",
                                true))
                .put("/partners/" + partnerId)
                .then()
                .statusCode(200);
    }

    static Map<String, Object> body() {
        Map<String, Object> body = new HashMap<>();
        body.put("firstName", "Grace");
        body.put("lastName", "Hopper");
        body.put("dateOfBirth", "1986-12-09");
        body.put("phone", "+1 555 0142");
        body.put("email", "grace@example.org");
        body.put("preferredLanguage", "en");
        body.put("serviceRequested", "Outpatient therapy after stabilisation");
        body.put("reason", "Depressive episode, stabilised on sertraline; needs weekly therapy");
        body.put("urgency", "URGENT");
        body.put("partnerReference", "DP-2026-0042");
        return body;
    }

    static ValidatableResponse refer(String user, Map<String, Object> body) {
        return given().auth()
                .oauth2(Tokens.of(user))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/inbound")
                .then();
    }

    static ValidatableResponse inbound(String user, String inboundId) {
        return given().auth().oauth2(Tokens.of(user)).get("/inbound/" + inboundId).then();
    }

    static String referred() {
        return refer(PSYCHIATRY, body()).statusCode(201).extract().path("inboundId");
    }

    @Test
    void aPartnersReferralIsRecordedAndAnnouncedToIntake() {
        ValidatableResponse created =
                refer(PSYCHIATRY, body()).statusCode(201).body("status", equalTo("RECEIVED"));
        String inboundId = created.extract().path("inboundId");
        assertTrue(created.extract().header("Location").endsWith("/inbound/" + inboundId));

        ConsumerRecord<String, String> announced =
                KafkaProbe.await(
                        "referral.events",
                        r ->
                                "careloop.referral.InboundReferralReceived.v1"
                                                .equals(KafkaProbe.header(r, "ce_type"))
                                        && inboundId.equals(r.key()),
                        Duration.ofSeconds(30));
        assertTrue(announced.value().contains("\"partnerId\":\"demo-psychiatry\""));
        assertTrue(announced.value().contains("\"partnerName\":\"Demo Psychiatry\""));
        assertTrue(announced.value().contains("\"urgency\":\"URGENT\""));

        inbound(PSYCHIATRY, inboundId)
                .statusCode(200)
                .body("status", equalTo("RECEIVED"))
                .body("partnerReference", equalTo("DP-2026-0042"))
                .body("acceptedAt", nullValue());
        given().auth()
                .oauth2(Tokens.of(PSYCHIATRY))
                .get("/inbound")
                .then()
                .statusCode(200)
                .body("inboundId", hasItem(inboundId));
    }

    @Test
    void anotherPartnerFindsNothingOfIt() {
        String inboundId = referred();

        inbound(HOUSING, inboundId).statusCode(404);
        given().auth()
                .oauth2(Tokens.of(HOUSING))
                .get("/inbound")
                .then()
                .statusCode(200)
                .body("inboundId", not(hasItem(inboundId)));
    }

    @Test
    void staffTokensDoNotOpenThePartnersRoutes() {
        refer("clinician1", body()).statusCode(403);
        refer("intake1", body()).statusCode(403);
        given().auth().oauth2(Tokens.of("supervisor1")).get("/inbound").then().statusCode(403);
    }

    @Test
    void aReferralMissingWhatIntakeNeedsIsAProblemNamingTheField() {
        Map<String, Object> noReason = body();
        noReason.remove("reason");
        refer(PSYCHIATRY, noReason).statusCode(400).body("errors[0].field", equalTo("reason"));

        Map<String, Object> badUrgency = body();
        badUrgency.put("urgency", "SOMETIME");
        refer(PSYCHIATRY, badUrgency).statusCode(400).body("errors[0].field", equalTo("urgency"));

        Map<String, Object> unborn = body();
        unborn.put("dateOfBirth", "2999-01-01");
        refer(PSYCHIATRY, unborn).statusCode(400).body("errors[0].field", equalTo("dateOfBirth"));

        Map<String, Object> badPhone = body();
        badPhone.put("phone", "12");
        refer(PSYCHIATRY, badPhone).statusCode(400).body("errors[0].field", equalTo("phone"));
    }

    @Test
    void intakeAcceptingItShowsThePartnerAcceptedWithTheDateButNotTheClient() {
        String inboundId = referred();
        UUID clientId = UUID.randomUUID();
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        InboundReferralAccepted accepted =
                new InboundReferralAccepted(UUID.fromString(inboundId), clientId, at, "intake1");
        KafkaProbe.publish(accepted, UUID.randomUUID());
        // Delivered again, under another event id: still one acceptance.
        KafkaProbe.publish(accepted, UUID.randomUUID());

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                inbound(PSYCHIATRY, inboundId)
                                        .statusCode(200)
                                        .body("status", equalTo("ACCEPTED")));
        String shown = inbound(PSYCHIATRY, inboundId).extract().asString();
        assertEquals(
                at, Instant.parse(inbound(PSYCHIATRY, inboundId).extract().path("acceptedAt")));
        assertTrue(!shown.contains(clientId.toString()), shown);

        // A late decline of the accepted referral changes nothing; it is sent ahead of another
        // referral's decline on one partition, so it has been read once that one shows.
        String other = referred();
        KafkaProbe.publish(
                new InboundReferralDeclined(UUID.fromString(inboundId), "late", at, "intake2"),
                UUID.randomUUID(),
                other);
        KafkaProbe.publish(
                new InboundReferralDeclined(
                        UUID.fromString(other), "No openings for this service", at, "intake1"),
                UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                inbound(PSYCHIATRY, other)
                                        .statusCode(200)
                                        .body("status", equalTo("DECLINED"))
                                        .body(
                                                "declineReason",
                                                equalTo("No openings for this service")));
        inbound(PSYCHIATRY, inboundId)
                .body("status", equalTo("ACCEPTED"))
                .body("declineReason", nullValue());
    }
}
