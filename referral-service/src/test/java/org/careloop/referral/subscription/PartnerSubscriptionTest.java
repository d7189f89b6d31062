package org.careloop.referral.subscription;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.careloop.contracts.codec.EventJson;
import org.careloop.platform.outbound.Signature;
import org.careloop.platform.testing.CareTeamFixture;
import org.careloop.platform.testing.Rows;
import org.careloop.platform.testing.Tokens;
import org.careloop.platform.testing.WebhookReceiver;
import org.careloop.referral.client.Intake;
import org.junit.jupiter.api.Test;

/**
 * An electronic partner's subscription against the real database, with the partner's endpoint a
 * stand-in on loopback: each referral sent to it and each cancellation is announced, signed, with
 * ids only, retried until the partner takes it.
 */
@QuarkusTest
class PartnerSubscriptionTest {

    @Inject DataSource db;

    @Test
    void aSentReferralIsAnnouncedOnceSignedWithIdsOnlyAndItsCancellationToo() throws Exception {
        try (WebhookReceiver partnerEndpoint = new WebhookReceiver(0, 500, 200)) {
            String partnerId = partner(true);
            String secret =
                    as("supervisor1")
                            .body(Map.of("url", partnerEndpoint.url()))
                            .put(subscription(partnerId))
                            .then()
                            .statusCode(201)
                            .body("url", equalTo(partnerEndpoint.url()))
                            .body("active", equalTo(true))
                            .body("secret", notNullValue())
                            .extract()
                            .path("secret");
            as("admin1")
                    .get(subscription(partnerId))
                    .then()
                    .statusCode(200)
                    .body("url", equalTo(partnerEndpoint.url()))
                    .body("active", equalTo(true))
                    .body("$", not(hasKey("secret")));
            assertFalse(
                    Rows.dump(db, "partner_subscription", "partner_id = '" + partnerId + "'", "1")
                            .contains(secret),
                    "the secret is stored sealed");

            UUID clientId = client();
            String referralId = sent(clientId, partnerId);

            awaitDelivered(referralId, 1);
            List<WebhookReceiver.Received> received = partnerEndpoint.received();
            assertEquals(1, received.size(), "announced once");
            WebhookReceiver.Received announcement = received.getFirst();
            assertEquals(Signature.of(announcement.body(), secret), announcement.signature());
            JsonNode body = EventJson.mapper().readTree(announcement.body());
            assertEquals(List.of("type", "taskId", "partnerId", "at", "fetch"), fieldNames(body));
            assertEquals("referral.requested", body.get("type").asText());
            assertEquals(referralId, body.get("taskId").asText());
            assertEquals(partnerId, body.get("partnerId").asText());
            assertEquals(
                    "http://localhost:18080/api/referral/fhir/Task/" + referralId,
                    body.get("fetch").asText());
            assertFalse(announcement.body().contains(clientId.toString()), announcement.body());
            assertFalse(announcement.body().contains("F33.1"), announcement.body());

            as("clinician1")
                    .body(Map.of("reason", "The client moved away"))
                    .post("/referrals/" + referralId + "/cancellation")
                    .then()
                    .statusCode(200);
            awaitDelivered(referralId, 2);
            WebhookReceiver.Received cancelled = partnerEndpoint.received().get(1);
            assertEquals(Signature.of(cancelled.body(), secret), cancelled.signature());
            JsonNode cancellation = EventJson.mapper().readTree(cancelled.body());
            assertEquals("referral.cancelled", cancellation.get("type").asText());
            assertEquals(referralId, cancellation.get("taskId").asText());
            assertEquals(2, partnerEndpoint.received().size());
        }
    }

    @Test
    void aPartnerAnswering500IsSentTheAnnouncementAgain() throws Exception {
        try (WebhookReceiver partnerEndpoint = new WebhookReceiver(1, 500, 200)) {
            String partnerId = partner(true);
            String secret = subscribe(partnerId, partnerEndpoint.url());
            String referralId = sent(client(), partnerId);

            awaitDelivered(referralId, 1);
            List<WebhookReceiver.Received> received = partnerEndpoint.received();
            assertEquals(List.of(500, 200), statuses(received));
            assertEquals(received.get(0).body(), received.get(1).body());
            for (WebhookReceiver.Received request : received) {
                assertEquals(Signature.of(request.body(), secret), request.signature());
            }
            String attempts =
                    "select count(*) from partner_delivery_attempt a join partner_delivery d using"
                            + " (delivery_id) where d.referral_id = '"
                            + referralId
                            + "' and ";
            assertEquals(
                    1,
                    Rows.count(
                            db,
                            attempts
                                    + "a.attempt = 1 and a.status = 500 and a.error = 'answered HTTP 500'"));
            assertEquals(
                    1,
                    Rows.count(
                            db, attempts + "a.attempt = 2 and a.status = 200 and a.error is null"));
        }
    }

    @Test
    void aPartnerWithoutTheElectronicInterfaceCannotSubscribe() {
        String partnerId = partner(false);
        as("supervisor1")
                .body(Map.of("url", "http://127.0.0.1:9/partner"))
                .put(subscription(partnerId))
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:careloop:problem:partner-not-electronic"));
        as("supervisor1").get(subscription(partnerId)).then().statusCode(404);
        as("supervisor1")
                .body(Map.of("url", "http://127.0.0.1:9/partner"))
                .put(subscription("no-such-partner"))
                .then()
                .statusCode(404);
    }

    @Test
    void anAddressTheRuleRefusesIsA400NamingTheUrl() {
        String partnerId = partner(true);
        // Each is refused by the rule alone: literal addresses and this stack's own endpoints,
        // nothing is contacted.
        for (String url :
                List.of(
                        "http://169.254.169.254/latest/meta-data",
                        "https://10.20.30.40/partner",
                        "http://localhost:18180/realms/careloop",
                        "ftp://127.0.0.1/partner",
                        "not a url")) {
            as("supervisor1")
                    .body(Map.of("url", url))
                    .put(subscription(partnerId))
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("url"));
        }
        as("supervisor1")
                .body(Map.of())
                .put(subscription(partnerId))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("url"));
        as("supervisor1").get(subscription(partnerId)).then().statusCode(404);
    }

    @Test
    void onlySupervisorsAndAdminsManageASubscriptionAndRemovingItEndsIt() throws Exception {
        try (WebhookReceiver partnerEndpoint = new WebhookReceiver(0, 500, 200)) {
            String partnerId = partner(true);
            as("clinician1")
                    .body(Map.of("url", partnerEndpoint.url()))
                    .put(subscription(partnerId))
                    .then()
                    .statusCode(403);
            subscribe(partnerId, partnerEndpoint.url());
            String again =
                    as("admin1")
                            .body(Map.of("url", partnerEndpoint.url() + "/v2"))
                            .put(subscription(partnerId))
                            .then()
                            .statusCode(200)
                            .extract()
                            .path("secret");
            as("clinician1").get(subscription(partnerId)).then().statusCode(403);
            as("supervisor1")
                    .get(subscription(partnerId))
                    .then()
                    .statusCode(200)
                    .body("url", equalTo(partnerEndpoint.url() + "/v2"));

            as("supervisor1").delete(subscription(partnerId)).then().statusCode(204);
            as("supervisor1").get(subscription(partnerId)).then().statusCode(404);
            as("supervisor1").delete(subscription(partnerId)).then().statusCode(404);
            String referralId = sent(client(), partnerId);
            assertEquals(
                    0,
                    Rows.count(
                            db,
                            "select count(*) from partner_delivery where referral_id = '"
                                    + referralId
                                    + "'"),
                    "a partner without a subscription is told nothing");
            assertEquals(0, partnerEndpoint.received().size());
            assertFalse(again.isBlank());
        }
    }

    static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON);
    }

    static String subscription(String partnerId) {
        return "/partners/" + partnerId + "/subscription";
    }

    static String partner(boolean electronic) {
        String partnerId = "partner-" + UUID.randomUUID().toString().substring(0, 8);
        as("supervisor1")
                .body(
                        Map.of(
                                "name",
                                "Riverside Psychiatry",
                                "services",
                                List.of("PSYCHIATRY"),
                                "contact",
                                Map.of("phone", "614-555-0101", "email", "intake@example.org"),
                                "electronic",
                                electronic))
                .put("/partners/" + partnerId)
                .then()
                .statusCode(200);
        return partnerId;
    }

    static String subscribe(String partnerId, String url) {
        return as("supervisor1")
                .body(Map.of("url", url))
                .put(subscription(partnerId))
                .then()
                .statusCode(201)
                .extract()
                .path("secret");
    }

    static UUID client() {
        UUID clientId = Intake.registered();
        CareTeamFixture.onCareTeam(clientId, "clinician1");
        return clientId;
    }

    /** A referral clinician1 drafted and sent under the client's consent; its id. */
    static String sent(UUID clientId, String partnerId) {
        Intake.consented(clientId, partnerId, false);
        String referralId =
                as("clinician1")
                        .body(
                                Map.of(
                                        "partnerId",
                                        partnerId,
                                        "serviceType",
                                        "PSYCHIATRY",
                                        "urgency",
                                        "URGENT",
                                        "reason",
                                        "Medication evaluation after two SSRI trials",
                                        "diagnoses",
                                        List.of("F33.1")))
                        .post("/clients/" + clientId + "/referrals")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("referralId");
        as("clinician1")
                .post("/referrals/" + referralId + "/sending")
                .then()
                .statusCode(200)
                .body("status", equalTo("REQUESTED"));
        return referralId;
    }

    /** Waits until this many announcements of the referral were taken by the partner. */
    void awaitDelivered(String referralId, int count) {
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                Rows.count(
                                                db,
                                                "select count(*) from partner_delivery where referral_id = '"
                                                        + referralId
                                                        + "' and delivered_at is not null")
                                        == count);
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static List<Integer> statuses(List<WebhookReceiver.Received> received) {
        return received.stream().map(WebhookReceiver.Received::answeredWith).toList();
    }
}
