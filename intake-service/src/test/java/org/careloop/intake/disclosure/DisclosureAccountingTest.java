package org.careloop.intake.disclosure;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.careloop.contracts.Topics;
import org.careloop.contracts.access.RecordDisclosed;
import org.careloop.platform.messaging.CloudEventHeaders;
import org.careloop.platform.testing.CareTeamFixture;
import org.careloop.platform.testing.KafkaProbe;
import org.careloop.platform.testing.Rows;
import org.careloop.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DisclosureAccountingTest {

    static final String DEAD_LETTERS = Topics.deadLetters("intake-service");
    static final String NOTICE =
            "This record which has been disclosed to you is protected by federal confidentiality"
                    + " rules (42 CFR part 2).";

    @Inject DataSource db;

    /** A client with supervisor1 supervising their care. */
    static UUID registerClient() {
        UUID clientId =
                UUID.fromString(
                        given().auth()
                                .oauth2(Tokens.of("intake1"))
                                .contentType(ContentType.JSON)
                                .body(
                                        "{\"firstName\":\"Dora\",\"lastName\":\"Disclosed\",\"dateOfBirth\":\"1979-07-01\"}")
                                .when()
                                .post("/clients")
                                .then()
                                .statusCode(201)
                                .extract()
                                .<String>path("clientId"));
        CareTeamFixture.onCareTeam(clientId, "supervisor1");
        return clientId;
    }

    static RecordDisclosed claim(UUID clientId, Instant at) {
        return new RecordDisclosed(
                clientId,
                UUID.randomUUID(),
                "payer:aetna-oh",
                "PAYMENT",
                true,
                UUID.randomUUID(),
                "Claim for session of " + at + " (90837) with diagnosis F10.20",
                NOTICE,
                at,
                "billing1",
                "billing-service");
    }

    static RecordDisclosed referral(UUID clientId, Instant at) {
        return new RecordDisclosed(
                clientId,
                UUID.randomUUID(),
                "partner:harbor-house",
                "TREATMENT",
                false,
                null,
                "Referral with the latest PHQ-9",
                null,
                at,
                "clinician1",
                "referral-service");
    }

    static void awaitDisclosures(UUID clientId, int count) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                given().auth()
                                        .oauth2(Tokens.of("intake1"))
                                        .when()
                                        .get("/clients/" + clientId + "/disclosures")
                                        .then()
                                        .statusCode(200)
                                        .body("size()", equalTo(count)));
    }

    @Test
    void disclosuresOnTheAccessTopicShowInTheClientsAccountingNewestFirst() {
        UUID clientId = registerClient();
        RecordDisclosed older = referral(clientId, Instant.parse("2026-11-20T10:00:00Z"));
        RecordDisclosed newer = claim(clientId, Instant.parse("2026-11-25T16:30:00Z"));

        KafkaProbe.publish(newer, UUID.randomUUID());
        KafkaProbe.publish(older, UUID.randomUUID());

        awaitDisclosures(clientId, 2);
        given().auth()
                .oauth2(Tokens.of("supervisor1"))
                .when()
                .get("/clients/" + clientId + "/disclosures")
                .then()
                .statusCode(200)
                .body(
                        "disclosureId",
                        equalTo(
                                List.of(
                                        newer.disclosureId().toString(),
                                        older.disclosureId().toString())))
                .body("[0].recipient", equalTo("payer:aetna-oh"))
                .body("[0].purpose", equalTo("PAYMENT"))
                .body("[0].part2", equalTo(true))
                .body("[0].consentId", equalTo(newer.consentId().toString()))
                .body("[0].what", equalTo(newer.what()))
                .body("[0].redisclosureNotice", equalTo(NOTICE))
                .body("[0].disclosedAt", equalTo("2026-11-25T16:30:00Z"))
                .body("[0].disclosedBy", equalTo("billing1"))
                .body("[0].service", equalTo("billing-service"))
                .body("[1].part2", equalTo(false))
                .body("[1].consentId", equalTo(null))
                .body("[1].service", equalTo("referral-service"));
    }

    @Test
    void onlyIntakeSupervisorsAndPrivacyReadTheAccounting() {
        UUID clientId = registerClient();
        String path = "/clients/" + clientId + "/disclosures";
        given().when().get(path).then().statusCode(401);
        for (String user : List.of("clinician1", "billing1", "oncall1")) {
            given().auth()
                    .oauth2(Tokens.of(user))
                    .when()
                    .get(path)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        given().auth()
                .oauth2(Tokens.of("intake1"))
                .when()
                .get("/clients/" + UUID.randomUUID() + "/disclosures")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aDisclosureDeliveredTwiceIsListedOnce() throws SQLException {
        UUID clientId = registerClient();
        RecordDisclosed claim = claim(clientId, Instant.parse("2026-11-26T09:00:00Z"));
        UUID eventId = UUID.randomUUID();

        KafkaProbe.publish(claim, eventId);
        KafkaProbe.publish(claim, eventId);
        // The same disclosure published again under a new event id is still one disclosure.
        KafkaProbe.publish(claim, UUID.randomUUID());
        RecordDisclosed marker = referral(clientId, Instant.parse("2026-11-27T09:00:00Z"));
        KafkaProbe.publish(marker, UUID.randomUUID());

        awaitDisclosures(clientId, 2);
        assertEquals(
                1, Rows.count(db, "select count(*) from inbox where event_id = '" + eventId + "'"));
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheNextDisclosureIsStillRecorded() {
        UUID clientId = registerClient();
        String key = clientId.toString();
        ProducerRecord<String, String> poison =
                new ProducerRecord<>(Topics.ACCESS, key, "{not json");
        CloudEventHeaders.write(
                poison.headers(),
                UUID.randomUUID().toString(),
                "careloop.access.RecordDisclosed.v1",
                "test",
                key,
                Instant.now());
        KafkaProbe.send(poison);
        KafkaProbe.publish(
                referral(clientId, Instant.parse("2026-11-28T09:00:00Z")), UUID.randomUUID());

        ConsumerRecord<String, String> dead =
                KafkaProbe.await(
                        DEAD_LETTERS,
                        r -> key.equals(r.key()) && "{not json".equals(r.value()),
                        Duration.ofSeconds(30));
        String reason = KafkaProbe.header(dead, "dead-letter-reason");
        assertTrue(reason != null && reason.contains("not valid JSON"), reason);
        awaitDisclosures(clientId, 1);
    }

    @Test
    void anotherKindOfEventOnTheAccessTopicIsKeptAndChangesNothing() throws SQLException {
        UUID clientId = registerClient();
        UUID eventId = UUID.randomUUID();
        ProducerRecord<String, String> other =
                new ProducerRecord<>(
                        Topics.ACCESS,
                        clientId.toString(),
                        "{\"clientId\":\"" + clientId + "\",\"reader\":\"clinician1\"}");
        CloudEventHeaders.write(
                other.headers(),
                eventId.toString(),
                "careloop.access.RecordRead.v1",
                "test",
                clientId.toString(),
                Instant.now());
        KafkaProbe.send(other);
        KafkaProbe.publish(
                claim(clientId, Instant.parse("2026-11-29T09:00:00Z")), UUID.randomUUID());

        awaitDisclosures(clientId, 1);
        assertEquals(
                1, Rows.count(db, "select count(*) from inbox where event_id = '" + eventId + "'"));
        assertTrue(
                KafkaProbe.records(DEAD_LETTERS).stream()
                        .noneMatch(r -> eventId.toString().equals(KafkaProbe.header(r, "ce_id"))),
                "another kind of event is not poison");
    }

    @Test
    void theAccountingRebuiltFromTheInboxIsTheSame() throws SQLException {
        UUID clientId = registerClient();
        KafkaProbe.publish(
                claim(clientId, Instant.parse("2026-11-30T09:00:00Z")), UUID.randomUUID());
        awaitDisclosures(clientId, 1);
        String before = Rows.dump(db, "disclosure_log", "disclosure_id");

        given().auth()
                .oauth2(Tokens.of("admin1"))
                .when()
                .post("/admin/projections/disclosures/rebuild")
                .then()
                .statusCode(200)
                .body("projection", equalTo("disclosures"));

        assertEquals(before, Rows.dump(db, "disclosure_log", "disclosure_id"));
    }
}
