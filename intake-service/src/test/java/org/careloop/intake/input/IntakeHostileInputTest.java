package org.careloop.intake.input;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.careloop.contracts.referral.InboundReferralReceived;
import org.careloop.platform.testing.HostileInputTest;
import org.careloop.platform.testing.KafkaProbe;
import org.careloop.platform.testing.Rows;
import org.careloop.platform.testing.Tokens;

@QuarkusTest
class IntakeHostileInputTest extends HostileInputTest {

    static final String CLIENT =
            """
            {"firstName":"Hostile","lastName":"Input","dateOfBirth":"1990-12-10","preferredName":"Hos",
             "pronouns":"they/them","phone":"+1 555 0100","email":"hostile@example.org","preferredLanguage":"en"}""";
    static final String ASSESSMENTS = "/clients/{clientId}/assessments";
    static final String CONSENTS = "/clients/{clientId}/consents";
    static final String CONSENT =
            """
            {"kind":"DISCLOSURE","recipient":"payer:aetna-oh","purposes":["PAYMENT","HEALTH_CARE_OPERATIONS"],
             "coversPart2":true,"effectiveOn":"2026-01-05","expiresOn":"2030-06-30"}""";

    @Inject DataSource db;

    private Map<String, String> ids;

    /** A partner's referral, published as referral-service would; its task is awaited. */
    private static String inboundReferral() {
        UUID inboundId = UUID.randomUUID();
        KafkaProbe.publish(
                new InboundReferralReceived(
                        inboundId,
                        "demo-psychiatry",
                        "Demo Psychiatry",
                        null,
                        "Hostile",
                        "Referral",
                        LocalDate.of(1990, 12, 10),
                        "+1 555 0100",
                        null,
                        "en",
                        "Outpatient therapy",
                        "Needs weekly therapy",
                        "ROUTINE",
                        Instant.now()),
                UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                given().auth()
                                        .oauth2(Tokens.of("intake1"))
                                        .get("/inbound-referrals/" + inboundId)
                                        .then()
                                        .statusCode(200));
        return inboundId.toString();
    }

    @Override
    protected List<Example> examples() {
        return List.of(
                new Example("POST", "/clients", CLIENT),
                new Example(
                        "POST",
                        "/clients/{clientId}/emergency-access",
                        "{\"reason\":\"Client in crisis at the front desk; PRIMARY away\"}"),
                new Example(
                        "POST",
                        ASSESSMENTS,
                        """
                        {"instrument":"PHQ-9","answers":[0,1,0,1,0,1,0,1,0],"difficulty":1,
                         "administeredAt":"2026-01-05T10:00:00Z"}""",
                        "instrument"),
                new Example(
                        "POST",
                        ASSESSMENTS,
                        """
                        {"instrument":"C-SSRS-SCREENER","answers":{"wishToBeDead":false,"nonSpecificActiveThoughts":false,
                         "suicidalBehavior":false}}""",
                        "instrument"),
                new Example(
                        "POST",
                        ASSESSMENTS,
                        """
                        {"instrument":"BIOPSYCHOSOCIAL","presentingProblem":"Low mood since spring.\\nPoor sleep.",
                         "psychiatricHistory":"None","medicalHistory":"Asthma","substanceUse":"None","trauma":"None",
                         "strengths":"Family","functionalImpairment":"Missed work","socialDeterminants":"Stable housing",
                         "diagnoses":[{"code":"F32.1","system":"ICD-10-CM","description":"Major depressive disorder"}]}""",
                        "instrument"),
                new Example("POST", CONSENTS, CONSENT),
                new Example(
                        "POST",
                        CONSENTS + "/{consentId}/revocation",
                        "{\"reason\":\"Client withdrew consent by phone\"}"),
                new Example(
                        "POST",
                        "/inbound-referrals/{inboundId}/decline",
                        "{\"reason\":\"No openings for this service\"}"),
                new Example(
                        "POST",
                        "/inbound-referrals/{inboundId}/acceptance",
                        """
                        {"firstName":"Hostile","lastName":"Accepted","dateOfBirth":"1990-12-10","preferredName":"Hos",
                         "pronouns":"they/them","phone":"+1 555 0100","email":"hostile@example.org","preferredLanguage":"en"}"""));
    }

    @Override
    protected Map<String, String> pathValues() {
        if (ids == null) {
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
            String assessmentId =
                    given().auth()
                            .oauth2(Tokens.of("intake1"))
                            .contentType(ContentType.JSON)
                            .body("{\"instrument\":\"GAD-7\",\"answers\":[0,0,0,0,0,0,0]}")
                            .when()
                            .post("/clients/" + clientId + "/assessments")
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("assessmentId");
            String consentId =
                    given().auth()
                            .oauth2(Tokens.of("intake1"))
                            .contentType(ContentType.JSON)
                            .body(CONSENT)
                            .when()
                            .post("/clients/" + clientId + "/consents")
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("consentId");
            ids =
                    new HashMap<>(
                            Map.of(
                                    "clientId",
                                    clientId,
                                    "assessmentId",
                                    assessmentId,
                                    "consentId",
                                    consentId,
                                    "name",
                                    "clients",
                                    "inboundId",
                                    inboundReferral()));
        }
        return ids;
    }

    /** A declined referral is not accepted: the acceptance works on another, still open. */
    @Override
    protected void afterExample(Example example) {
        if (example.path().endsWith("/decline")) {
            ids.put("inboundId", inboundReferral());
        }
    }

    @Override
    protected String userFor(String method, String path) {
        if (path.startsWith("/audit")) {
            return "privacy1";
        }
        if (path.endsWith("/emergency-access")) {
            return "clinician2";
        }
        return path.startsWith("/admin") ? "admin1" : "intake1";
    }

    @Override
    protected long storedRows() throws Exception {
        return Rows.count(
                db,
                // Partners' inbound referrals arrive by event at any time: not what requests
                // stored.
                "select (select count(*) from event_store where coalesce(actor, '') not like"
                        + " 'partner:%') + (select count(*) from outbox)"
                        + " + (select count(*) from client_registry) + (select count(*) from assessment_history)"
                        + " + (select count(*) from client_consent) + (select count(*) from disclosure_log)"
                        + " + (select count(*) from access_emergency)");
    }
}
