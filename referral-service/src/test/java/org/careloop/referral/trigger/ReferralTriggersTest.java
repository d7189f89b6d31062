package org.careloop.referral.trigger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.careloop.contracts.Topics;
import org.careloop.contracts.risk.RiskEscalated;
import org.careloop.contracts.treatment.ClientDischarged;
import org.careloop.contracts.treatment.ClinicianAssigned;
import org.careloop.contracts.treatment.ClinicianUnassigned;
import org.careloop.platform.messaging.CloudEventHeaders;
import org.careloop.platform.testing.KafkaProbe;
import org.careloop.platform.testing.Rows;
import org.careloop.platform.testing.Tokens;
import org.careloop.referral.client.Intake;
import org.junit.jupiter.api.Test;

/**
 * Referrals other services' events start, against the real database and broker: risk escalated to
 * HIGH drafts one emergent crisis referral on the primary clinician's worklist however often it
 * arrives, a discharge with aftercare a step-down, and only a person completes and sends either.
 */
@QuarkusTest
class ReferralTriggersTest {

    static final String DEAD_LETTERS = "referral-service.dlq";

    @Inject DataSource db;

    private static UUID assignedPrimary(String clinician) {
        UUID clientId = Intake.registered();
        KafkaProbe.publish(
                new ClinicianAssigned(clientId, clinician, "PRIMARY", Instant.now(), "supervisor1"),
                UUID.randomUUID());
        return clientId;
    }

    private void awaitPrimary(UUID clientId, String clinician) {
        awaitCount(
                "select count(*) from primary_clinician where client_id = '"
                        + clientId
                        + "' and clinician = '"
                        + clinician
                        + "'",
                1);
    }

    private static UUID escalated(UUID clientId, UUID episodeId, String level, UUID eventId) {
        return KafkaProbe.publish(
                new RiskEscalated(
                        clientId,
                        episodeId,
                        "LOW",
                        level,
                        "C-SSRS: active ideation with a plan",
                        null,
                        Instant.now()),
                eventId);
    }

    /** Waits until referral's consumer has taken in the event (its inbox entry committed). */
    private void awaitReceived(UUID eventId) {
        awaitCount("select count(*) from inbox where event_id = '" + eventId + "'", 1);
    }

    private void awaitCount(String sql, long count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> Rows.count(db, sql) == count);
    }

    private long referralsOf(UUID clientId) throws Exception {
        return Rows.count(db, "select count(*) from referral where client_id = '" + clientId + "'");
    }

    private static ValidatableResponse worklist(String user) {
        return given().auth()
                .oauth2(Tokens.of(user))
                .when()
                .get("/worklist")
                .then()
                .statusCode(200);
    }

    private static ValidatableResponse referral(String user, UUID referralId) {
        return given().auth().oauth2(Tokens.of(user)).when().get("/referrals/" + referralId).then();
    }

    private static ValidatableResponse amend(String user, UUID referralId, String partnerId) {
        return given().auth()
                .oauth2(Tokens.of(user))
                .contentType(ContentType.JSON)
                .body(
                        Map.of(
                                "partnerId",
                                partnerId,
                                "urgency",
                                "EMERGENT",
                                "reason",
                                "Crisis evaluation: active suicidal ideation with a plan",
                                "diagnoses",
                                List.of("F33.2"),
                                "notes",
                                "Safety plan reviewed with the client today"))
                .when()
                .put("/referrals/" + referralId + "/draft")
                .then();
    }

    private static ValidatableResponse send(String user, UUID referralId) {
        return given().auth()
                .oauth2(Tokens.of(user))
                .when()
                .post("/referrals/" + referralId + "/sending")
                .then();
    }

    private static String partner(String... services) {
        String partnerId = "crisis-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth()
                .oauth2(Tokens.of("supervisor1"))
                .contentType(ContentType.JSON)
                .body(
                        Map.of(
                                "name",
                                "Demo Crisis Centre",
                                "services",
                                List.of(services),
                                "contact",
                                Map.of("phone", "614-555-0199"),
                                "electronic",
                                false))
                .when()
                .put("/partners/" + partnerId)
                .then()
                .statusCode(200);
        return partnerId;
    }

    @Test
    void riskEscalatedToHighDraftsOneEmergentCrisisReferralThatTheReferrerCompletesAndSends()
            throws Exception {
        UUID clientId = assignedPrimary("clinician1");
        awaitPrimary(clientId, "clinician1");
        UUID episodeId = UUID.randomUUID();
        UUID referralId = TriggerDecider.crisisReferralId(episodeId);

        UUID eventId = escalated(clientId, episodeId, "HIGH", UUID.randomUUID());

        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                worklist("clinician1")
                                        .extract()
                                        .<List<String>>path("drafts.referralId")
                                        .contains(referralId.toString()));
        referral("clinician1", referralId)
                .statusCode(200)
                .body("status", equalTo("DRAFT"))
                .body("urgency", equalTo("EMERGENT"))
                .body("serviceType", equalTo("CRISIS_STABILISATION"))
                .body(
                        "reason",
                        equalTo(
                                "Crisis evaluation: risk escalated to HIGH — C-SSRS: active"
                                        + " ideation with a plan"))
                .body("referredBy", equalTo("clinician1"))
                .body("partnerId", equalTo(null))
                .body("origin.kind", equalTo("RISK_ESCALATED"))
                .body("origin.sourceId", equalTo(episodeId.toString()))
                .body("timeline.what", equalTo(List.of("DRAFTED")));
        worklist("clinician1")
                .body(
                        "drafts.find { it.referralId == '" + referralId + "' }.origin.kind",
                        equalTo("RISK_ESCALATED"));

        // The same event redelivered, republished under a new id, and a second episode's HIGH
        // while the first crisis referral is open: nothing more is drafted.
        escalated(clientId, episodeId, "HIGH", eventId);
        escalated(clientId, episodeId, "HIGH", UUID.randomUUID());
        UUID last = escalated(clientId, UUID.randomUUID(), "HIGH", UUID.randomUUID());
        awaitReceived(last);
        assertEquals(1, referralsOf(clientId));
        assertEquals(
                1,
                Rows.count(
                        db,
                        "select count(*) from event_store where stream_id = '" + referralId + "'"));

        // Never sent by itself: the referrer names a partner first.
        send("clinician1", referralId).statusCode(409).body("detail", containsString("partnerId"));
        String housing = partner("HOUSING");
        amend("clinician1", referralId, housing)
                .statusCode(400)
                .body("detail", containsString("partnerId"));
        String crisis = partner("CRISIS_STABILISATION");
        amend("clinician1", referralId, crisis)
                .statusCode(200)
                .body("status", equalTo("DRAFT"))
                .body("partnerId", equalTo(crisis))
                .body("serviceType", equalTo("CRISIS_STABILISATION"))
                .body("diagnoses", equalTo(List.of("F33.2")));

        UUID consentId = Intake.consented(clientId, crisis, false);
        send("clinician1", referralId)
                .statusCode(200)
                .body("status", equalTo("REQUESTED"))
                .body("consentId", equalTo(consentId.toString()))
                .body("timeline.what", equalTo(List.of("DRAFTED", "DRAFT_AMENDED", "REQUESTED")));
        ConsumerRecord<String, String> requested =
                KafkaProbe.await(
                        Topics.REFERRAL,
                        r ->
                                "careloop.referral.ReferralRequested.v1"
                                                .equals(KafkaProbe.header(r, "ce_type"))
                                        && r.value().contains(referralId.toString()),
                        Duration.ofSeconds(30));
        assertTrue(requested.value().contains(crisis), requested.value());
        assertTrue(requested.value().contains("active suicidal ideation"), requested.value());
        amend("clinician1", referralId, crisis)
                .statusCode(409)
                .body("type", containsString("illegal-transition"));

        // The read models are what the events say.
        String before =
                Rows.dump(db, "referral", "client_id = '" + clientId + "'", "referral_id")
                        + Rows.dump(
                                db,
                                "primary_clinician",
                                "client_id = '" + clientId + "'",
                                "client_id");
        for (String projection : List.of("referrals", "primary-clinicians")) {
            given().auth()
                    .oauth2(Tokens.of("admin1"))
                    .when()
                    .post("/admin/projections/" + projection + "/rebuild")
                    .then()
                    .statusCode(200);
        }
        assertEquals(
                before,
                Rows.dump(db, "referral", "client_id = '" + clientId + "'", "referral_id")
                        + Rows.dump(
                                db,
                                "primary_clinician",
                                "client_id = '" + clientId + "'",
                                "client_id"));
    }

    @Test
    void riskEscalatedToModerateDraftsNothing() throws Exception {
        UUID clientId = assignedPrimary("clinician1");
        awaitPrimary(clientId, "clinician1");

        awaitReceived(escalated(clientId, UUID.randomUUID(), "MODERATE", UUID.randomUUID()));

        assertEquals(0, referralsOf(clientId));
    }

    @Test
    void aDischargeWithAftercareDraftsAStepDownForThePrimaryClinicianBeforeDischarge()
            throws Exception {
        UUID clientId = assignedPrimary("clinician1");
        awaitPrimary(clientId, "clinician1");
        Instant now = Instant.now();
        // As treatment discharges: the care team leaves, then the discharge itself.
        KafkaProbe.publish(
                new ClinicianUnassigned(
                        clientId, "clinician1", "PRIMARY", "DISCHARGED", now, "clinician2"),
                UUID.randomUUID());
        UUID discharge =
                KafkaProbe.publish(
                        new ClientDischarged(
                                clientId,
                                "Treatment goals met",
                                true,
                                "Weekly peer support group near home",
                                now,
                                "clinician2"),
                        UUID.randomUUID());
        UUID referralId = TriggerDecider.stepDownReferralId(discharge);

        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                worklist("clinician1")
                                        .extract()
                                        .<List<String>>path("drafts.referralId")
                                        .contains(referralId.toString()));
        String draft = "drafts.find { it.referralId == '" + referralId + "' }";
        worklist("clinician1")
                .body(draft + ".urgency", equalTo("ROUTINE"))
                .body(draft + ".serviceType", equalTo("OTHER"))
                .body(draft + ".referredBy", equalTo("clinician1"))
                .body(draft + ".partnerId", equalTo(null))
                .body(draft + ".origin.kind", equalTo("CLIENT_DISCHARGED"))
                .body(draft + ".origin.sourceId", equalTo(discharge.toString()));
        worklist("clinician2").body("drafts.referralId", not(hasItem(referralId.toString())));
        // The care team is gone, yet the step-down stays its referrer's to open and complete,
        // and no one else's.
        given().auth()
                .oauth2(Tokens.of("clinician1"))
                .get("/referrals/" + referralId)
                .then()
                .statusCode(200)
                .body("status", equalTo("DRAFT"));
        given().auth()
                .oauth2(Tokens.of("clinician2"))
                .get("/referrals/" + referralId)
                .then()
                .statusCode(403);
        assertEquals(
                1,
                Rows.count(
                        db,
                        "select count(*) from referral where referral_id = '"
                                + referralId
                                + "' and reason = 'Step-down after discharge: Weekly peer"
                                + " support group near home'"));
        amend("clinician1", referralId, partner("OTHER"))
                .statusCode(200)
                .body("serviceType", equalTo("OTHER"));

        // A discharge without aftercare drafts nothing.
        UUID plain =
                KafkaProbe.publish(
                        new ClientDischarged(
                                clientId, "Moved away", false, null, Instant.now(), "clinician2"),
                        UUID.randomUUID());
        awaitReceived(plain);
        assertEquals(1, referralsOf(clientId));
    }

    @Test
    void aMessageThatCannotBeReadIsDeadLetteredAndTheNextStillDrafts() {
        UUID clientId = assignedPrimary("clinician1");
        awaitPrimary(clientId, "clinician1");
        String key = clientId.toString();
        ProducerRecord<String, String> poison = new ProducerRecord<>(Topics.RISK, key, "{not json");
        CloudEventHeaders.write(
                poison.headers(),
                UUID.randomUUID().toString(),
                "careloop.risk.RiskEscalated.v1",
                "test",
                key,
                Instant.now());
        KafkaProbe.send(poison);
        UUID episodeId = UUID.randomUUID();
        escalated(clientId, episodeId, "HIGH", UUID.randomUUID());

        ConsumerRecord<String, String> dead =
                KafkaProbe.await(
                        DEAD_LETTERS,
                        r -> key.equals(r.key()) && "{not json".equals(r.value()),
                        Duration.ofSeconds(30));
        assertNotNull(KafkaProbe.header(dead, "dead-letter-reason"));
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                referral("clinician1", TriggerDecider.crisisReferralId(episodeId))
                                                .extract()
                                                .statusCode()
                                        == 200);
    }
}
