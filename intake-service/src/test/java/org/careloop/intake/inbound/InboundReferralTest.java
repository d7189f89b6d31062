package org.careloop.intake.inbound;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careloop.contracts.Topics;
import org.careloop.contracts.referral.InboundReferralReceived;
import org.careloop.platform.testing.KafkaProbe;
import org.careloop.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * A partner's inbound referral arrives from referral-service as an intake task; a coordinator
 * accepts it once, registering the client through the normal registration, or declines it.
 */
@QuarkusTest
class InboundReferralTest {

    /** Publishes a partner's referral as referral-service would and waits for its task. */
    static UUID received(String lastName, String urgency) {
        UUID inboundId = UUID.randomUUID();
        KafkaProbe.publish(
                new InboundReferralReceived(
                        inboundId,
                        "demo-psychiatry",
                        "Demo Psychiatry",
                        "DP-" + lastName,
                        "Grace",
                        lastName,
                        LocalDate.of(1986, 12, 9),
                        "+1 555 0142",
                        "grace@example.org",
                        "en",
                        "Outpatient therapy after stabilisation",
                        "Stabilised on sertraline; needs weekly therapy",
                        urgency,
                        Instant.now()),
                UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> task("intake1", inboundId).statusCode(200));
        return inboundId;
    }

    static ValidatableResponse task(String user, UUID inboundId) {
        return given().auth().oauth2(Tokens.of(user)).get("/inbound-referrals/" + inboundId).then();
    }

    static ValidatableResponse accept(UUID inboundId, String body) {
        return given().auth()
                .oauth2(Tokens.of("intake1"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/inbound-referrals/" + inboundId + "/acceptance")
                .then();
    }

    static ValidatableResponse decline(UUID inboundId, String reason) {
        return given().auth()
                .oauth2(Tokens.of("intake1"))
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"" + reason + "\"}")
                .post("/inbound-referrals/" + inboundId + "/decline")
                .then();
    }

    @Test
    void openReferralsAreListedMostUrgentFirstWithWhoReferredAndWhy() {
        UUID routine = received("Routine-" + UUID.randomUUID(), "ROUTINE");
        String emergentName = "Emergent-" + UUID.randomUUID();
        UUID emergent = received(emergentName, "EMERGENT");

        List<String> open =
                given().auth()
                        .oauth2(Tokens.of("supervisor1"))
                        .get("/inbound-referrals?status=OPEN")
                        .then()
                        .statusCode(200)
                        .body("partner.partnerId", hasItem("demo-psychiatry"))
                        .body("partner.name", hasItem("Demo Psychiatry"))
                        .body("reason", hasItem("Stabilised on sertraline; needs weekly therapy"))
                        .extract()
                        .path("inboundId");
        assertTrue(open.indexOf(emergent.toString()) >= 0, "emergent listed");
        assertTrue(
                open.indexOf(emergent.toString()) < open.indexOf(routine.toString()),
                "EMERGENT before ROUTINE: " + open);
        task("intake1", emergent)
                .body("urgency", equalTo("EMERGENT"))
                .body("lastName", equalTo(emergentName))
                .body("dateOfBirth", equalTo("1986-12-09"))
                .body("status", equalTo("OPEN"));
        given().auth()
                .oauth2(Tokens.of("intake1"))
                .get("/inbound-referrals?status=SOMETIME")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("status"));
        given().auth()
                .oauth2(Tokens.of("clinician1"))
                .get("/inbound-referrals")
                .then()
                .statusCode(403);
    }

    @Test
    void acceptingRegistersTheClientOnceAndTellsThePartner() {
        String lastName = "Accepted-" + UUID.randomUUID();
        UUID inboundId = received(lastName, "URGENT");

        String clientId =
                accept(inboundId, "{\"preferredName\":\"Gracie\",\"pronouns\":\"she/her\"}")
                        .statusCode(200)
                        .body("status", equalTo("ACCEPTED"))
                        .body("decidedBy", equalTo("intake1"))
                        .extract()
                        .path("clientId");

        given().auth()
                .oauth2(Tokens.of("intake1"))
                .get("/clients/" + clientId)
                .then()
                .statusCode(200)
                .body("lastName", equalTo(lastName))
                .body("preferredName", equalTo("Gracie"))
                .body("phone", equalTo("+1 555 0142"))
                .body("registeredBy", equalTo("intake1"));
        ConsumerRecord<String, String> registered =
                KafkaProbe.await(
                        Topics.INTAKE, r -> clientId.equals(r.key()), Duration.ofSeconds(30));
        assertEquals(
                "careloop.intake.ClientRegistered.v1", KafkaProbe.header(registered, "ce_type"));
        ConsumerRecord<String, String> accepted =
                KafkaProbe.await(
                        Topics.INTAKE,
                        r ->
                                "careloop.intake.InboundReferralAccepted.v1"
                                                .equals(KafkaProbe.header(r, "ce_type"))
                                        && r.value().contains(inboundId.toString()),
                        Duration.ofSeconds(30));
        assertTrue(accepted.value().contains("\"clientId\":\"" + clientId + "\""));

        accept(inboundId, "{}")
                .statusCode(409)
                .body("type", equalTo("urn:careloop:problem:inbound-referral-decided"));
        decline(inboundId, "Too late").statusCode(409);
        given().auth()
                .oauth2(Tokens.of("intake1"))
                .get("/clients?search=" + lastName)
                .then()
                .statusCode(200)
                .body("clientId", equalTo(List.of(clientId)));
        given().auth()
                .oauth2(Tokens.of("intake1"))
                .get("/inbound-referrals?status=OPEN")
                .then()
                .body("inboundId", not(hasItem(inboundId.toString())));
    }

    @Test
    void anAcceptanceCorrectingNothingKeepsThePartnersDemographics() {
        String lastName = "AsSent-" + UUID.randomUUID();
        UUID inboundId = received(lastName, "ROUTINE");

        String clientId = accept(inboundId, "{}").statusCode(200).extract().path("clientId");

        given().auth()
                .oauth2(Tokens.of("intake1"))
                .get("/clients/" + clientId)
                .then()
                .statusCode(200)
                .body("lastName", equalTo(lastName));
    }

    @Test
    void aCorrectionBreakingTheRegistrationRulesIsAProblemAndRegistersNobody() {
        UUID inboundId = received("Corrected-" + UUID.randomUUID(), "URGENT");

        accept(inboundId, "{\"firstName\":\" \"}")
                .statusCode(400)
                .body("errors[0].field", equalTo("firstName"));
        accept(inboundId, "{\"dateOfBirth\":\"2999-01-01\"}")
                .statusCode(400)
                .body("errors[0].field", equalTo("dateOfBirth"));
        task("intake1", inboundId).body("status", equalTo("OPEN"));
    }

    @Test
    void decliningTellsThePartnerWhyAndRegistersNobody() {
        UUID inboundId = received("Declined-" + UUID.randomUUID(), "ROUTINE");

        decline(inboundId, "No openings for this service")
                .statusCode(200)
                .body("status", equalTo("DECLINED"))
                .body("declineReason", equalTo("No openings for this service"));

        ConsumerRecord<String, String> declined =
                KafkaProbe.await(
                        Topics.INTAKE,
                        r -> inboundId.toString().equals(r.key()),
                        Duration.ofSeconds(30));
        assertEquals(
                "careloop.intake.InboundReferralDeclined.v1",
                KafkaProbe.header(declined, "ce_type"));
        assertTrue(declined.value().contains("No openings for this service"));
        accept(inboundId, "{}").statusCode(409);
        decline(inboundId, "Again").statusCode(409);
    }

    @Test
    void anUnknownReferralIsNotFound() {
        UUID unknown = UUID.randomUUID();
        accept(unknown, "{}").statusCode(404);
        decline(unknown, "No").statusCode(404);
        task("intake1", unknown).statusCode(404);
    }
}
