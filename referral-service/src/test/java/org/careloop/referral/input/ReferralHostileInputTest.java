package org.careloop.referral.input;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.careloop.platform.testing.CareTeamFixture;
import org.careloop.platform.testing.HostileInputTest;
import org.careloop.platform.testing.Rows;
import org.careloop.platform.testing.Tokens;
import org.careloop.referral.client.Intake;

/**
 * referral-service's bodies, routes, ids and methods probed: partners, referrals and the partner's
 * answers, and breaking the glass.
 */
@QuarkusTest
class ReferralHostileInputTest extends HostileInputTest {

    static final String PARTNER =
            "{\"name\":\"Hostile Psychiatry\",\"services\":[\"PSYCHIATRY\",\"IOP\"],"
                    + "\"contact\":{\"phone\":\"614-555-0101\",\"email\":\"intake@example.org\"},"
                    + "\"electronic\":false}";

    static final String DEMO_PARTNER =
            "{\"name\":\"Demo Psychiatry\",\"services\":[\"PSYCHIATRY\",\"IOP\"],"
                    + "\"contact\":{\"phone\":\"614-555-0102\",\"email\":\"referrals@example.org\"},"
                    + "\"electronic\":true}";

    static final String INBOUND =
            "{\"firstName\":\"Grace\",\"lastName\":\"Hopper\",\"dateOfBirth\":\"1986-12-09\","
                    + "\"phone\":\"+1 555 0142\",\"email\":\"grace@example.org\",\"preferredLanguage\":\"en\","
                    + "\"serviceRequested\":\"Outpatient therapy\",\"reason\":\"Stabilised; needs weekly therapy\","
                    + "\"urgency\":\"URGENT\",\"partnerReference\":\"DP-2026-0042\"}";

    @Inject DataSource db;

    private Map<String, String> values;

    private static String referral(String partnerId) {
        return "{\"partnerId\":\""
                + partnerId
                + "\",\"serviceType\":\"PSYCHIATRY\",\"urgency\":\"URGENT\","
                + "\"reason\":\"Medication evaluation\",\"diagnoses\":[\"F33.1\"],"
                + "\"notes\":\"PHQ-9 of 19\"}";
    }

    @Override
    protected List<Example> examples() throws Exception {
        Map<String, String> values = pathValues();
        // In this order the partner is electronic while it subscribes, then is not, so its answers
        // are recorded here; the one referral is amended as a draft, sent, then goes RECEIVED,
        // ON_HOLD, CANCELLED. The subscription's address (loopback, discard port) is never
        // answered.
        return List.of(
                new Example("PUT", "/partners/{partnerId}", PARTNER.replace("false", "true")),
                new Example(
                        "PUT",
                        "/partners/{partnerId}/subscription",
                        "{\"url\":\"http://127.0.0.1:9/hostile\"}"),
                new Example("PUT", "/partners/{partnerId}", PARTNER),
                new Example(
                        "POST", "/clients/{clientId}/referrals", referral(values.get("partnerId"))),
                new Example(
                        "PUT",
                        "/referrals/{referralId}/draft",
                        "{\"partnerId\":\""
                                + values.get("partnerId")
                                + "\",\"urgency\":\"EMERGENT\","
                                + "\"reason\":\"Medication evaluation before discharge\","
                                + "\"diagnoses\":[\"F33.2\"],\"notes\":\"PHQ-9 of 22\"}"),
                new Example(
                        "POST",
                        "/referrals/{referralId}/partner-updates",
                        "{\"status\":\"RECEIVED\",\"reason\":\"Faxed intake form arrived\","
                                + "\"appointmentAt\":\"2026-12-10T15:30:00Z\","
                                + "\"outcome\":{\"summary\":\"Seen\",\"recommendations\":\"Continue\","
                                + "\"attachments\":[\"Evaluation note\"]}}"),
                new Example(
                        "POST",
                        "/referrals/{referralId}/hold",
                        "{\"reason\":\"Client admitted to hospital\"}"),
                new Example(
                        "POST",
                        "/referrals/{referralId}/cancellation",
                        "{\"reason\":\"Client chose a nearer psychiatrist\"}"),
                new Example(
                        "POST",
                        "/clients/{clientId}/emergency-access",
                        "{\"reason\":\"Client in crisis at the front desk; PRIMARY away\"}"),
                new Example("POST", "/inbound", INBOUND));
    }

    @Override
    protected Map<String, String> pathValues() throws Exception {
        if (values == null) {
            String partnerId = "hostile-" + UUID.randomUUID().toString().substring(0, 8);
            send("supervisor1", "PUT", "/partners/" + partnerId, PARTNER);
            UUID clientId = Intake.registered();
            CareTeamFixture.onCareTeam(db, clientId, "clinician1");
            Intake.consented(clientId, partnerId, false);
            String referralId =
                    given().auth()
                            .oauth2(Tokens.of("clinician1"))
                            .contentType(ContentType.JSON)
                            .body(referral(partnerId))
                            .post("/clients/" + clientId + "/referrals")
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("referralId");
            // A Task of the demo partner: another client's referral, by a clinician not on the
            // first client's team, so no id stands in for another's and still reaches something.
            send("supervisor1", "PUT", "/partners/demo-psychiatry", DEMO_PARTNER);
            UUID otherClient = Intake.registered();
            CareTeamFixture.onCareTeam(db, otherClient, "clinician2");
            Intake.consented(otherClient, "demo-psychiatry", false);
            String taskId =
                    given().auth()
                            .oauth2(Tokens.of("clinician2"))
                            .contentType(ContentType.JSON)
                            .body(referral("demo-psychiatry"))
                            .post("/clients/" + otherClient + "/referrals")
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("referralId");
            given().auth()
                    .oauth2(Tokens.of("clinician2"))
                    .post("/referrals/" + taskId + "/sending")
                    .then()
                    .statusCode(200);
            String inboundId =
                    given().auth()
                            .oauth2(Tokens.of("partner:demo-psychiatry"))
                            .contentType(ContentType.JSON)
                            .body(INBOUND)
                            .post("/inbound")
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("inboundId");
            values =
                    Map.of(
                            "name",
                            "clients",
                            "clientId",
                            clientId.toString(),
                            "partnerId",
                            partnerId,
                            "referralId",
                            referralId,
                            "taskId",
                            taskId,
                            "inboundId",
                            inboundId);
        }
        return values;
    }

    /** The draft, once amended, is sent: the partner's answers follow. */
    @Override
    protected void afterExample(Example example) {
        if (example.path().endsWith("/draft")) {
            given().auth()
                    .oauth2(Tokens.of("clinician1"))
                    .post("/referrals/" + values.get("referralId") + "/sending")
                    .then()
                    .statusCode(200);
        }
    }

    @Override
    protected void removeExamples() {
        given().auth()
                .oauth2(Tokens.of("supervisor1"))
                .delete("/partners/" + values.get("partnerId") + "/subscription")
                .then()
                .statusCode(204);
    }

    private static void send(String user, String method, String path, String body) {
        given().auth()
                .oauth2(Tokens.of(user))
                .contentType(ContentType.JSON)
                .body(body)
                .request(method, path)
                .then()
                .statusCode(200);
    }

    /** A partner's Task is a FHIR resource; TaskInterfaceTest probes its bodies. */
    @Override
    protected boolean bodyTestedElsewhere(String method, String path) {
        return path.startsWith("/fhir/");
    }

    /** A partner's id is the clinic's own name for it, not a UUID. */
    @Override
    protected boolean isUuidParameter(String name) {
        return name.endsWith("Id") && !name.equals("partnerId");
    }

    @Override
    protected String userFor(String method, String path) {
        if (path.startsWith("/audit")) {
            return "privacy1";
        }
        if (path.startsWith("/fhir/") || path.startsWith("/inbound")) {
            return "partner:demo-psychiatry";
        }
        if (path.startsWith("/partners") && !method.equals("GET")
                || path.endsWith("/subscription")) {
            return "supervisor1";
        }
        return path.startsWith("/admin") ? "admin1" : "clinician1";
    }

    /**
     * A clinician reaches a client, and a referral of one, only through a relation; breaking the
     * glass needs none.
     */
    @Override
    protected int unknownIdStatus(String path, String parameter, String user) {
        boolean namesAClient = List.of("clientId", "referralId").contains(parameter);
        return namesAClient && !path.endsWith("/emergency-access") && !user.equals("admin1")
                ? 403
                : 404;
    }

    @Override
    protected long storedRows() throws Exception {
        return Rows.count(
                db,
                // Intake's answers to inbound referrals arrive by event at any time: not what
                // requests
                // stored.
                "select (select count(*) from event_store where stream_type <> 'inbound-referral'"
                        + " or event_type = 'referral.inbound.Received') + (select count(*) from outbox)"
                        + " + (select count(*) from access_emergency)"
                        + " + (select count(*) from partner_subscription)"
                        + " + (select count(*) from partner_delivery)");
    }
}
