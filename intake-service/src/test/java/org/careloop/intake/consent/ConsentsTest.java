package org.careloop.intake.consent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careloop.contracts.Topics;
import org.careloop.contracts.codec.EventJson;
import org.careloop.platform.testing.CareTeamFixture;
import org.careloop.platform.testing.KafkaProbe;
import org.careloop.platform.testing.Rows;
import org.careloop.platform.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
class ConsentsTest {

    static final String CLIENT =
            """
            {"firstName":"Consuelo","lastName":"Consent","dateOfBirth":"1984-03-14"}""";
    static final String TO_PAYER =
            """
            {"kind":"DISCLOSURE","recipient":"payer:aetna-oh","purposes":["PAYMENT","HEALTH_CARE_OPERATIONS"],
             "coversPart2":true,"expiresOn":"%s"}""";

    @Inject DataSource db;

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("America/New_York"));
    }

    /** A client with clinician1 and supervisor1 on their care team. */
    static String registerClient() {
        String clientId =
                given().auth()
                        .oauth2(Tokens.of("intake1"))
                        .contentType(ContentType.JSON)
                        .body(CLIENT)
                        .when()
                        .post("/clients")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("clientId");
        CareTeamFixture.onCareTeam(UUID.fromString(clientId), "clinician1", "supervisor1");
        return clientId;
    }

    static String recordConsent(String clientId, String user, String body) {
        return given().auth()
                .oauth2(Tokens.of(user))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/clients/" + clientId + "/consents")
                .then()
                .statusCode(201)
                .extract()
                .path("consentId");
    }

    static ConsumerRecord<String, String> published(String type, String consentId) {
        return KafkaProbe.await(
                Topics.INTAKE,
                r ->
                        type.equals(KafkaProbe.header(r, "ce_type"))
                                && r.value().contains("\"" + consentId + "\""),
                Duration.ofSeconds(15));
    }

    @Test
    void aRecordedConsentIsShownActiveAndPublishedAndItsRevocationToo() throws Exception {
        String clientId = registerClient();
        LocalDate expiry = today().plusYears(1);

        String consentId =
                given().auth()
                        .oauth2(Tokens.of("intake1"))
                        .contentType(ContentType.JSON)
                        .body(TO_PAYER.formatted(expiry))
                        .when()
                        .post("/clients/" + clientId + "/consents")
                        .then()
                        .statusCode(201)
                        .header("Location", containsString("/api/intake/clients/" + clientId))
                        .body("kind", equalTo("DISCLOSURE"))
                        .body("recipient", equalTo("payer:aetna-oh"))
                        .body("purposes", equalTo(List.of("PAYMENT", "HEALTH_CARE_OPERATIONS")))
                        .body("coversPart2", equalTo(true))
                        .body("effectiveOn", equalTo(today().toString()))
                        .body("expiresOn", equalTo(expiry.toString()))
                        .body("status", equalTo("ACTIVE"))
                        .body("recordedBy", equalTo("intake1"))
                        .extract()
                        .path("consentId");

        ConsumerRecord<String, String> recorded =
                published("careloop.intake.ConsentRecorded.v1", consentId);
        assertEquals(clientId, recorded.key());
        assertEquals("intake-service", KafkaProbe.header(recorded, "ce_source"));
        assertEquals(clientId, KafkaProbe.header(recorded, "ce_subject"));
        JsonNode event = EventJson.mapper().readTree(recorded.value());
        assertEquals("DISCLOSURE", event.get("kind").asText());
        assertEquals("payer:aetna-oh", event.get("recipient").asText());
        assertEquals("PAYMENT", event.get("purposes").get(0).asText());
        assertEquals(true, event.get("coversPart2").asBoolean());
        assertEquals(expiry.toString(), event.get("expiresOn").asText());

        given().auth()
                .oauth2(Tokens.of("clinician1"))
                .when()
                .get("/clients/" + clientId + "/consents/" + consentId)
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"));

        given().auth()
                .oauth2(Tokens.of("supervisor1"))
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"Client withdrew consent at the front desk\"}")
                .when()
                .post("/clients/" + clientId + "/consents/" + consentId + "/revocation")
                .then()
                .statusCode(200)
                .body("status", equalTo("REVOKED"))
                .body("revokedBy", equalTo("supervisor1"))
                .body("revocationReason", equalTo("Client withdrew consent at the front desk"));

        ConsumerRecord<String, String> revoked =
                published("careloop.intake.ConsentRevoked.v1", consentId);
        assertEquals(clientId, revoked.key());
        assertEquals(
                "Client withdrew consent at the front desk",
                EventJson.mapper().readTree(revoked.value()).get("reason").asText());

        given().auth()
                .oauth2(Tokens.of("intake1"))
                .when()
                .get("/clients/" + clientId + "/consents")
                .then()
                .statusCode(200)
                .body("consentId", equalTo(List.of(consentId)))
                .body("status", equalTo(List.of("REVOKED")));
    }

    @Test
    void revokingTwiceIsAConflictAndRecordsNothing() throws SQLException {
        String clientId = registerClient();
        String consentId = recordConsent(clientId, "clinician1", "{\"kind\":\"TELEHEALTH\"}");
        String revocation = "/clients/" + clientId + "/consents/" + consentId + "/revocation";
        given().auth()
                .oauth2(Tokens.of("intake1"))
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"Prefers in-person sessions\"}")
                .when()
                .post(revocation)
                .then()
                .statusCode(200);

        given().auth()
                .oauth2(Tokens.of("intake1"))
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"Again\"}")
                .when()
                .post(revocation)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:careloop:problem:consent-revoked"));

        assertEquals(
                2,
                Rows.count(
                        db,
                        "select count(*) from event_store where stream_type = 'consent' and"
                                + " stream_id = '"
                                + consentId
                                + "'"));
    }

    @Test
    void statusFollowsTheClinicsDay() {
        String clientId = registerClient();
        String later =
                recordConsent(
                        clientId,
                        "intake1",
                        "{\"kind\":\"TREATMENT\",\"effectiveOn\":\"" + today().plusDays(7) + "\"}");
        String now =
                recordConsent(
                        clientId,
                        "intake1",
                        TO_PAYER.formatted(today().plusDays(1))
                                .replace(
                                        "\"coversPart2\"",
                                        "\"effectiveOn\":\"2026-01-05\",\"coversPart2\""));

        given().auth()
                .oauth2(Tokens.of("intake1"))
                .when()
                .get("/clients/" + clientId + "/consents")
                .then()
                .statusCode(200)
                .body("find { it.consentId == '" + later + "' }.status", equalTo("PENDING"))
                .body("find { it.consentId == '" + now + "' }.status", equalTo("ACTIVE"))
                .body("find { it.consentId == '" + now + "' }.effectiveOn", equalTo("2026-01-05"));
    }

    static Stream<Arguments> badConsents() {
        String tomorrow = today().plusDays(1).toString();
        return Stream.of(
                Arguments.of("{\"kind\":\"DISCLOSURE\",\"purposes\":[\"PAYMENT\"]}", "recipient"),
                Arguments.of("{\"kind\":\"DISCLOSURE\",\"recipient\":\"payer:x\"}", "purposes"),
                Arguments.of(
                        "{\"kind\":\"DISCLOSURE\",\"recipient\":\"payer:x\",\"purposes\":[\"PAYMENT\",\"PAYMENT\"]}",
                        "purposes[1]"),
                Arguments.of(
                        "{\"kind\":\"DISCLOSURE\",\"recipient\":\"payer:x\",\"purposes\":[\"RESEARCH\"]}",
                        "purposes[0]"),
                Arguments.of("{\"kind\":\"TREATMENT\",\"recipient\":\"payer:x\"}", "recipient"),
                Arguments.of("{\"kind\":\"TELEHEALTH\",\"coversPart2\":true}", "coversPart2"),
                Arguments.of("{\"kind\":\"RESEARCH\"}", "kind"),
                Arguments.of("{\"recipient\":\"payer:x\"}", "kind"),
                Arguments.of(
                        "{\"kind\":\"TREATMENT\",\"effectiveOn\":\""
                                + tomorrow
                                + "\",\"expiresOn\":\""
                                + tomorrow
                                + "\"}",
                        "expiresOn"),
                Arguments.of(
                        "{\"kind\":\"TREATMENT\",\"effectiveOn\":\""
                                + today().minusDays(60)
                                + "\",\"expiresOn\":\""
                                + today().minusDays(30)
                                + "\"}",
                        "expiresOn"),
                Arguments.of("{\"kind\":\"TREATMENT\",\"expiresOn\":\"01/02/2030\"}", "expiresOn"),
                Arguments.of("{\"kind\":\"TREATMENT\",\"shoeSize\":9}", "shoeSize"),
                Arguments.of("{\"kind\":", "body"));
    }

    @ParameterizedTest
    @MethodSource("badConsents")
    void badInputIsAProblemNamingTheFieldAndStoresNothing(String body, String field)
            throws SQLException {
        String clientId = registerClient();
        long before = stored();

        given().auth()
                .oauth2(Tokens.of("intake1"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/clients/" + clientId + "/consents")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));

        assertEquals(before, stored());
    }

    @Test
    void anUnknownClientOrConsentIsNotFound() {
        String clientId = registerClient();
        String other = registerClient();
        String consentId = recordConsent(other, "intake1", "{\"kind\":\"TREATMENT\"}");
        String unknown = UUID.randomUUID().toString();

        given().auth()
                .oauth2(Tokens.of("intake1"))
                .contentType(ContentType.JSON)
                .body("{\"kind\":\"TREATMENT\"}")
                .when()
                .post("/clients/" + unknown + "/consents")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.of("intake1"))
                .when()
                .get("/clients/" + unknown + "/consents")
                .then()
                .statusCode(404);
        // Another client's consent is not this client's.
        given().auth()
                .oauth2(Tokens.of("intake1"))
                .when()
                .get("/clients/" + clientId + "/consents/" + consentId)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Tokens.of("intake1"))
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"wrong client\"}")
                .when()
                .post("/clients/" + clientId + "/consents/" + consentId + "/revocation")
                .then()
                .statusCode(404)
                .body("type", endsWith("consent-not-found"));
    }

    @Test
    void onlyIntakeCliniciansAndSupervisorsRecordAndReadConsents() {
        String clientId = registerClient();
        given().contentType(ContentType.JSON)
                .body("{\"kind\":\"TREATMENT\"}")
                .when()
                .post("/clients/" + clientId + "/consents")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(Tokens.of("billing1"))
                .contentType(ContentType.JSON)
                .body("{\"kind\":\"TREATMENT\"}")
                .when()
                .post("/clients/" + clientId + "/consents")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.of("billing1"))
                .when()
                .get("/clients/" + clientId + "/consents")
                .then()
                .statusCode(403);
        recordConsent(clientId, "supervisor1", "{\"kind\":\"TREATMENT\"}");
    }

    @Test
    void theConsentsRebuiltFromTheEventStoreAreTheSame() throws SQLException {
        String clientId = registerClient();
        String consentId =
                recordConsent(clientId, "intake1", TO_PAYER.formatted(today().plusYears(1)));
        given().auth()
                .oauth2(Tokens.of("intake1"))
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"Changed insurer\"}")
                .when()
                .post("/clients/" + clientId + "/consents/" + consentId + "/revocation")
                .then()
                .statusCode(200);
        String before = Rows.dump(db, "client_consent", "consent_id");

        given().auth()
                .oauth2(Tokens.of("admin1"))
                .when()
                .post("/admin/projections/consents/rebuild")
                .then()
                .statusCode(200)
                .body("projection", equalTo("consents"));

        assertEquals(before, Rows.dump(db, "client_consent", "consent_id"));
    }

    private long stored() throws SQLException {
        return Rows.count(
                db,
                // Partners' inbound referrals arrive by event at any time: not what requests
                // stored.
                "select (select count(*) from event_store where coalesce(actor, '') not like"
                        + " 'partner:%') + (select count(*) from outbox)"
                        + " + (select count(*) from client_consent)");
    }
}
