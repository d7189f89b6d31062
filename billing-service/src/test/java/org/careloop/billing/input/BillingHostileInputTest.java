package org.careloop.billing.input;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.careloop.billing.claim.Claims;
import org.careloop.billing.session.Treatment;
import org.careloop.platform.testing.HostileInputTest;
import org.careloop.platform.testing.Rows;
import org.careloop.platform.testing.Tokens;

/**
 * billing-service's routes, ids, methods and bodies probed with a payer, a client, a delivered
 * session, its claim and a requested authorization that exist.
 */
@QuarkusTest
class BillingHostileInputTest extends HostileInputTest {

    @Inject DataSource db;

    @Override
    protected List<Example> examples() throws Exception {
        Map<String, String> values = pathValues();
        return List.of(
                new Example("PUT", "/payers/{payerId}", PAYER),
                new Example(
                        "PUT",
                        "/clients/{clientId}/coverages/{payerId}",
                        "{\"memberId\":\"M-100\",\"groupNumber\":\"G-7\",\"relationship\":\"CHILD\","
                                + "\"subscriber\":{\"firstName\":\"Pat\",\"lastName\":\"Test\","
                                + "\"dateOfBirth\":\"1960-02-01\",\"gender\":\"F\",\"address\":"
                                + "{\"line1\":\"1 Elm St\",\"city\":\"Columbus\",\"state\":\"OH\","
                                + "\"postalCode\":\"43215\"}},\"priority\":\"PRIMARY\","
                                + "\"effectiveFrom\":\"2026-01-01\",\"effectiveTo\":\"2027-12-31\"}"),
                new Example(
                        "POST",
                        "/clients/{clientId}/authorizations",
                        "{\"payerId\":\""
                                + values.get("payerId")
                                + "\",\"urgency\":\"EXPEDITED\",\"services\":[{\"cpt\":\"90837\",\"units\":12}],"
                                + "\"startDate\":\"2026-12-01\",\"endDate\":\"2027-02-28\","
                                + "\"diagnoses\":[\"F33.1\"],\"justification\":\"PHQ-9 of 17 after 6 sessions\"}"),
                new Example(
                        "POST",
                        "/coding/preview",
                        "{\"payerId\":\""
                                + values.get("payerId")
                                + "\",\"type\":\"INDIVIDUAL\",\"minutes\":55,\"modality\":\"VIDEO\","
                                + "\"clientLocation\":\"HOME\",\"interactiveComplexity\":true}"),
                new Example(
                        "POST",
                        "/authorizations/{authorizationId}/decisions",
                        "{\"outcome\":\"DENIED\",\"reason\":\"Not medically necessary at this level\"}"),
                new Example(
                        "POST",
                        "/authorizations/{authorizationId}/appeals",
                        "{\"reason\":\"Outcome scores attached: PHQ-9 17, then 15\"}"),
                new Example(
                        "POST",
                        "/clients/{clientId}/emergency-access",
                        "{\"reason\":\"Client in crisis at the front desk; PRIMARY away\"}"));
    }

    private Map<String, String> values;

    static final String PAYER =
            "{\"name\":\"Hostile Mutual\",\"requiresAuthorization\":[\"90837\"],"
                    + "\"telehealth\":{\"videoModifier\":\"GT\",\"audioOnlyModifier\":\"FQ\"},"
                    + "\"supervisedBilling\":true,\"fees\":{\"90837\":150.25,\"90785\":20.50},"
                    + "\"timelyFilingDays\":90,\"claimFilingIndicator\":\"CI\"}";

    @Override
    protected Map<String, String> pathValues() throws Exception {
        if (values == null) {
            String payerId = "hostile-" + UUID.randomUUID().toString().substring(0, 8);
            send("PUT", "/payers/" + payerId, PAYER);
            UUID clientId = Treatment.registered();
            UUID sessionId = Treatment.document(clientId, "clinician1", null, Duration.ofDays(1));
            Treatment.awaitSession(sessionId);
            // expedited: its decision falls due in 72 hours, so no clock stores a row mid-probe
            String authorizationId =
                    given().auth()
                            .oauth2(Tokens.of("billing1"))
                            .contentType(ContentType.JSON)
                            .body(
                                    "{\"payerId\":\""
                                            + payerId
                                            + "\",\"urgency\":\"EXPEDITED\",\"services\":[{\"cpt\":\"90837\",\"units\":4}],"
                                            + "\"startDate\":\"2026-12-01\",\"endDate\":\"2027-02-28\","
                                            + "\"diagnoses\":[\"F33.1\"],\"justification\":\"PHQ-9 of 17\"}")
                            .post("/clients/" + clientId + "/authorizations")
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("authorizationId");
            given().auth()
                    .oauth2(Tokens.of("billing1"))
                    .post("/authorizations/" + authorizationId + "/submission")
                    .then()
                    .statusCode(200);
            UUID claimId = Claims.claimIdOf(sessionId);
            await().atMost(Duration.ofSeconds(30))
                    .until(
                            () ->
                                    Rows.count(
                                                    db,
                                                    "select count(*) from claim where claim_id = '"
                                                            + claimId
                                                            + "'")
                                            == 1);
            values =
                    Map.of(
                            "name",
                            "clients",
                            "clientId",
                            clientId.toString(),
                            "sessionId",
                            sessionId.toString(),
                            "payerId",
                            payerId,
                            "authorizationId",
                            authorizationId,
                            "claimId",
                            claimId.toString(),
                            "exportId",
                            UUID.randomUUID().toString());
        }
        return values;
    }

    private static void send(String method, String path, String body) {
        given().auth()
                .oauth2(Tokens.of("billing1"))
                .contentType(ContentType.JSON)
                .body(body)
                .request(method, path)
                .then()
                .statusCode(200);
    }

    /** A payer's id is the clinic's own name for it, not a UUID. */
    @Override
    protected boolean isUuidParameter(String name) {
        return name.endsWith("Id") && !name.equals("payerId");
    }

    @Override
    protected String userFor(String method, String path) {
        if (path.startsWith("/audit")) {
            return "privacy1";
        }
        if (path.endsWith("/emergency-access")) {
            return "supervisor1";
        }
        return path.startsWith("/admin") ? "admin1" : "billing1";
    }

    /**
     * What a request could store. Claims are left out: sessions treatment's own tests announced may
     * still be arriving and becoming claims while the probes run, and no request makes one.
     */
    @Override
    protected long storedRows() throws Exception {
        return Rows.count(
                db,
                "select (select count(*) from event_store where stream_type <> 'claim')"
                        + " + (select count(*) from outbox"
                        + " where event_type <> 'careloop.billing.ClaimHeld.v1')"
                        + " + (select count(*) from access_emergency)");
    }
}
