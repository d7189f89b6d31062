package org.careloop.system;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.careloop.contracts.Topics;
import org.careloop.platform.testing.KafkaProbe;
import org.junit.jupiter.api.Test;

/**
 * A billing specialist's day through the gateway with real tokens: a payer that wants authorization
 * for 90837, an authorization pended then approved for two units, an associate's co-signed sessions
 * using them up, a third claim waiting for a second authorization, an 837P that reads back as one
 * interchange, and a void giving a unit back.
 */
class BillingFlowTest {

    static RequestSpecification as(String user) {
        return Stack.as(user).contentType(ContentType.JSON);
    }

    static void payer(String payerId) {
        as("billing1")
                .body(
                        """
                        {"name":"Buckeye Health Plan","requiresAuthorization":["90837"],
                         "telehealth":{"videoModifier":"95","audioOnlyModifier":"93"},
                         "supervisedBilling":true,
                         "fees":{"90837":165.00,"90834":120.00,"90832":85.00,"90785":22.50},
                         "timelyFilingDays":90}""")
                .when()
                .put("/api/billing/payers/" + payerId)
                .then()
                .statusCode(200);
    }

    static String authorization(String clientId, String payerId, int units) {
        return as("billing1")
                .body(
                        """
                        {"payerId":"%s","urgency":"STANDARD","services":[{"cpt":"90837","units":%d}],
                         "startDate":"%s","endDate":"%s","diagnoses":["F33.1"],
                         "justification":"Recurrent moderate depression, PHQ-9 of 17 at intake"}"""
                                .formatted(
                                        payerId,
                                        units,
                                        LocalDate.now().minusDays(7),
                                        LocalDate.now().plusDays(83)))
                .when()
                .post("/api/billing/clients/" + clientId + "/authorizations")
                .then()
                .statusCode(201)
                .body("status", equalTo("DRAFT"))
                .extract()
                .path("authorizationId");
    }

    static ValidatableResponse decide(String authorizationId, String decision) {
        return as("billing1")
                .body(decision)
                .when()
                .post("/api/billing/authorizations/" + authorizationId + "/decisions")
                .then()
                .statusCode(200);
    }

    static void submit(String authorizationId) {
        as("billing1")
                .when()
                .post("/api/billing/authorizations/" + authorizationId + "/submission")
                .then()
                .statusCode(200)
                .body("status", equalTo("REQUESTED"));
    }

    static ValidatableResponse authorizationOf(String authorizationId) {
        return as("billing1")
                .when()
                .get("/api/billing/authorizations/" + authorizationId)
                .then()
                .statusCode(200);
    }

    /** A 55-minute session at the clinic that ended {@code hoursAgo}, signed and co-signed. */
    static String cosignedSession(String clientId, int hoursAgo) {
        Instant end = Instant.now().minus(Duration.ofHours(hoursAgo));
        String session =
                as("associate1")
                        .body(
                                """
                                {"type":"INDIVIDUAL","startedAt":"%s","endedAt":"%s","modality":"IN_PERSON",
                                 "clientLocation":"CLINIC","interactiveComplexity":false,
                                 "note":{"format":"SOAP","subjective":"Sleeping better.","objective":"Engaged.",
                                         "assessment":"Improving.","plan":"Continue weekly."},
                                 "objectivesAddressed":[],"riskReviewed":true}"""
                                        .formatted(end.minus(Duration.ofMinutes(55)), end))
                        .when()
                        .post("/api/treatment/clients/" + clientId + "/sessions")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("sessionId");
        as("associate1")
                .when()
                .post("/api/treatment/sessions/" + session + "/signature")
                .then()
                .statusCode(200);
        as("supervisor1")
                .when()
                .post("/api/treatment/sessions/" + session + "/cosignature")
                .then()
                .statusCode(200)
                .body("status", equalTo("COSIGNED"));
        return session;
    }

    /** The session's claim, once billing has it. */
    static String claimOf(String clientId, String session, String status) {
        String[] claim = new String[1];
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () -> {
                            List<String> found =
                                    as("billing1")
                                            .when()
                                            .get("/api/billing/clients/" + clientId + "/claims")
                                            .then()
                                            .statusCode(200)
                                            .extract()
                                            .path(
                                                    "findAll { it.sessionId == '"
                                                            + session
                                                            + "' && it.status == '"
                                                            + status
                                                            + "' }.claimId");
                            assertEquals(1, found.size(), "claim of " + session + " " + status);
                            claim[0] = found.get(0);
                        });
        return claim[0];
    }

    static ValidatableResponse claim(String claimId) {
        return as("billing1").when().get("/api/billing/claims/" + claimId).then().statusCode(200);
    }

    @Test
    void twoAuthorizedUnitsAreUsedUpAThirdClaimWaitsAndTheExportCarriesTheAuthorizations()
            throws Exception {
        TreatmentFlowTest.staff();
        String payerId = "buckeye-" + UUID.randomUUID().toString().substring(0, 6);
        payer(payerId);
        String clientId = TreatmentFlowTest.client("Billed");
        Stack.awaitClient("billing", clientId, Duration.ofSeconds(60));
        as("supervisor1")
                .body("{\"clinician\":\"associate1\",\"role\":\"PRIMARY\"}")
                .when()
                .post("/api/treatment/clients/" + clientId + "/care-team")
                .then()
                .statusCode(200);
        String plan =
                as("associate1")
                        .body(TreatmentFlowTest.plan("associate1"))
                        .when()
                        .post("/api/treatment/clients/" + clientId + "/plans")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("planId");
        TreatmentFlowTest.sign(plan, "associate1", "{\"role\":\"AUTHOR\"}");
        TreatmentFlowTest.sign(
                plan, "associate1", "{\"role\":\"CLIENT\",\"method\":\"IN_PERSON\"}");
        TreatmentFlowTest.sign(plan, "supervisor1", "{\"role\":\"SUPERVISOR\"}");
        as("intake1")
                .body(
                        """
                        {"memberId":"BHP-554210","groupNumber":"G-88","relationship":"SELF",
                         "priority":"PRIMARY","effectiveFrom":"%s"}"""
                                .formatted(LocalDate.now().minusDays(30)))
                .when()
                .put("/api/billing/clients/" + clientId + "/coverages/" + payerId)
                .then()
                .statusCode(200);

        // Requested, pended for more information, then approved for two sessions.
        String first = authorization(clientId, payerId, 2);
        submit(first);
        decide(first, "{\"outcome\":\"PENDED\",\"reason\":\"Send the latest PHQ-9\"}")
                .body("status", equalTo("PENDED"));
        decide(
                        first,
                        "{\"outcome\":\"APPROVED\",\"authorizationNumber\":\"BHP-A-1001\","
                                + "\"services\":[{\"cpt\":\"90837\",\"units\":2}]}")
                .body("status", equalTo("ACTIVE"))
                .body("remainingUnits", equalTo(2));

        String one = cosignedSession(clientId, 50);
        String two = cosignedSession(clientId, 26);
        String claimOne = claimOf(clientId, one, "READY");
        String claimTwo = claimOf(clientId, two, "READY");
        claim(claimOne)
                .body("authorizationNumber", equalTo("BHP-A-1001"))
                .body("lines[0].cpt", equalTo("90837"))
                .body("lines[0].placeOfService", equalTo("11"))
                .body("totalCharge", equalTo(165.0f));
        authorizationOf(first)
                .body("status", equalTo("EXHAUSTED"))
                .body("usedUnits", equalTo(2))
                .body(
                        "timeline.what",
                        hasItems("PENDED", "APPROVED", "NEARLY_EXHAUSTED", "EXHAUSTED"));
        for (String warning : List.of("AuthorizationNearlyExhausted", "AuthorizationExhausted")) {
            KafkaProbe.await(
                    Topics.BILLING,
                    r ->
                            r.value().contains(first)
                                    && ("careloop.billing." + warning + ".v1")
                                            .equals(KafkaProbe.header(r, "ce_type")),
                    Duration.ofSeconds(30));
        }

        // The third session finds no units: its claim waits, named in the work queue.
        String three = cosignedSession(clientId, 2);
        String claimThree = claimOf(clientId, three, "HELD");
        claim(claimThree).body("holds.reason", equalTo(List.of("AUTHORIZATION_EXHAUSTED")));
        as("billing1")
                .when()
                .get("/api/billing/worklist")
                .then()
                .statusCode(200)
                .body("heldClaims.claimId", hasItem(claimThree));

        // A second authorization approved releases it.
        String second = authorization(clientId, payerId, 6);
        submit(second);
        decide(second, "{\"outcome\":\"APPROVED\",\"authorizationNumber\":\"BHP-A-2002\"}");
        claim(claimThree)
                .body("status", equalTo("READY"))
                .body("authorizationNumber", equalTo("BHP-A-2002"));

        // The 837P: one interchange carrying the three claims with their authorization numbers.
        String exportId =
                as("billing1")
                        .when()
                        .post("/api/billing/claims/exports")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("exportId");
        String file =
                Stack.as("billing1")
                        .when()
                        .get("/api/billing/claims/exports/" + exportId)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
        List<List<String>> segments = read(file);
        assertEquals(1, count(segments, "ISA"));
        assertEquals(1, count(segments, "ST"));
        assertEquals("837", find(segments, "ST").get(1));
        assertEquals("005010X222A1", find(segments, "ST").get(3));
        List<String> claimNumbers = values(segments, "CLM", 1);
        for (String claim : List.of(claimOne, claimTwo, claimThree)) {
            assertTrue(
                    claimNumbers.contains(controlNumberOf(claim)),
                    claim + " is in the interchange");
        }
        List<String> authorizationNumbers = new ArrayList<>();
        for (List<String> segment : segments) {
            if (segment.get(0).equals("REF") && segment.get(1).equals("G1")) {
                authorizationNumbers.add(segment.get(2));
            }
        }
        assertTrue(authorizationNumbers.containsAll(List.of("BHP-A-1001", "BHP-A-2002")));
        assertTrue(values(segments, "SV1", 1).contains("HC:90837"));
        claim(claimOne).body("status", equalTo("EXPORTED"));

        // A session entered in error gives its unit back.
        as("associate1")
                .body("{\"reason\":\"Entered for the wrong client\"}")
                .when()
                .post("/api/treatment/sessions/" + one + "/void")
                .then()
                .statusCode(200);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> claim(claimOne).body("status", equalTo("VOIDED")));
        authorizationOf(first)
                .body("status", equalTo("ACTIVE"))
                .body("remainingUnits", equalTo(1))
                .body("timeline.what", hasItem("UNITS_RETURNED"));
    }

    /** CLM01 as billing writes it: the claim id's first 20 hexadecimal digits. */
    static String controlNumberOf(String claimId) {
        return claimId.replace("-", "").substring(0, 20).toUpperCase(Locale.ROOT);
    }

    /** The interchange's segments, each as its elements, composites joined by ':'. */
    static List<List<String>> read(String x12) throws Exception {
        List<List<String>> segments = new ArrayList<>();
        EDIInputFactory factory = EDIInputFactory.newFactory();
        try (EDIStreamReader reader =
                factory.createEDIStreamReader(
                        new ByteArrayInputStream(x12.getBytes(StandardCharsets.UTF_8)))) {
            List<String> segment = null;
            StringBuilder composite = null;
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                switch (event) {
                    case START_SEGMENT -> {
                        segment = new ArrayList<>();
                        segment.add(reader.getText());
                    }
                    case END_SEGMENT -> segments.add(segment);
                    case START_COMPOSITE -> composite = new StringBuilder();
                    case END_COMPOSITE -> {
                        segment.add(composite.toString());
                        composite = null;
                    }
                    case ELEMENT_DATA -> {
                        if (composite != null) {
                            if (!composite.isEmpty()) {
                                composite.append(':');
                            }
                            composite.append(reader.getText());
                        } else {
                            segment.add(reader.getText());
                        }
                    }
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR ->
                            throw new AssertionError(
                                    "the 837P does not read back: "
                                            + reader.getErrorType()
                                            + " at "
                                            + reader.getLocation());
                    default -> {}
                }
            }
        }
        return segments;
    }

    static long count(List<List<String>> segments, String tag) {
        return segments.stream().filter(s -> s.get(0).equals(tag)).count();
    }

    static List<String> find(List<List<String>> segments, String tag) {
        return segments.stream().filter(s -> s.get(0).equals(tag)).findFirst().orElseThrow();
    }

    static List<String> values(List<List<String>> segments, String tag, int element) {
        return segments.stream()
                .filter(s -> s.get(0).equals(tag) && s.size() > element)
                .map(s -> s.get(element))
                .toList();
    }
}
