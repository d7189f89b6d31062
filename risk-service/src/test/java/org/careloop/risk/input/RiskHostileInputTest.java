package org.careloop.risk.input;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.careloop.contracts.codec.EventJson;
import org.careloop.contracts.intake.ClientRegistered;
import org.careloop.platform.testing.CareTeamFixture;
import org.careloop.platform.testing.HostileInputTest;
import org.careloop.platform.testing.KafkaProbe;
import org.careloop.platform.testing.Rows;
import org.careloop.platform.testing.Tokens;
import org.junit.jupiter.api.AfterEach;

@QuarkusTest
class RiskHostileInputTest extends HostileInputTest {

    /**
     * On this machine's loopback (the test profile admits it), on the discard port: nothing leaves
     * the machine.
     */
    static final String WEBHOOK = "http://127.0.0.1:9/hostile-input/" + UUID.randomUUID();

    @Inject DataSource db;

    private Map<String, String> ids;

    /** Clinicians of this run only, so that no other test's shift makes one hold two tiers. */
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private final List<String> shifts = new ArrayList<>();

    @Override
    protected List<Example> examples() throws Exception {
        // A shift far ahead (within the rota's 400 days), at an hour of its own, so that it
        // overlaps no other test's.
        Instant startsAt =
                Instant.now()
                        .truncatedTo(ChronoUnit.HOURS)
                        .plus(200, ChronoUnit.DAYS)
                        .plus(ThreadLocalRandom.current().nextInt(0, 4_000), ChronoUnit.HOURS);
        String ladder =
                given().auth()
                        .oauth2(Tokens.of("supervisor1"))
                        .when()
                        .get("/escalation-policies/URGENT")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
        String steps = EventJson.mapper().readTree(ladder).get("steps").toString();
        return List.of(
                new Example(
                        "POST",
                        "/clients/{clientId}/emergency-access",
                        "{\"reason\":\"Client in crisis at the front desk; PRIMARY away\"}"),
                new Example(
                        "POST",
                        "/clients/{clientId}/assessments",
                        """
                        {"riskLevel":"LOW","rationale":"Future-oriented, engaged.\\nNo plan, no intent."}"""),
                new Example(
                        "PUT",
                        "/clients/{clientId}/safety-plan",
                        """
                        {"warningSigns":["Not sleeping"],"internalCopingStrategies":["Walk the dog"],
                         "socialDistractions":["Cafe on Main St"],"peopleToAskForHelp":["Sister, 555-0123"],
                         "professionalContacts":["988"],"environmentSafety":["Medication locked by sister"]}"""),
                new Example(
                        "POST",
                        "/on-call/shifts",
                        "{\"clinician\":\"oncall2\",\"tier\":\"SUPERVISOR\",\"startsAt\":\""
                                + startsAt
                                + "\",\"endsAt\":\""
                                + startsAt.plus(8, ChronoUnit.HOURS)
                                + "\"}"),
                new Example(
                        "POST",
                        "/webhooks",
                        "{\"url\":\"" + WEBHOOK + "\",\"secret\":\"0123456789abcdef-hostile\"}"),
                // The ladder in force, written back unchanged, so other tests' timing is untouched.
                new Example("PUT", "/escalation-policies/{priority}", "{\"steps\":" + steps + "}"),
                // The shift under way of pathValues(): ended early, then given to another.
                new Example(
                        "POST",
                        "/on-call/shifts/{shiftId}/end",
                        "{\"endsAt\":\""
                                + Instant.now()
                                        .truncatedTo(ChronoUnit.SECONDS)
                                        .plus(5, ChronoUnit.HOURS)
                                + "\"}"),
                new Example(
                        "POST",
                        "/on-call/shifts/{shiftId}/replacement",
                        "{\"clinician\":\"hostile-replacement-" + RUN + "\"}"),
                new Example(
                        "POST",
                        "/on-call/swaps",
                        "{\"shiftId\":\""
                                + shift(
                                        "hostile-early-" + RUN,
                                        "PRIMARY",
                                        startsAt.minus(16, ChronoUnit.HOURS),
                                        startsAt.minus(8, ChronoUnit.HOURS))
                                + "\",\"otherShiftId\":\""
                                + shift(
                                        "hostile-late-" + RUN,
                                        "PRIMARY",
                                        startsAt.minus(8, ChronoUnit.HOURS),
                                        startsAt)
                                + "\"}"),
                new Example(
                        "POST",
                        "/webhooks/{webhookId}/secret-rotations",
                        "{\"overlap\":\"PT1H\"}"));
    }

    /** Puts a shift on the rota for the examples; taken off again after each test. */
    private String shift(String clinician, String tier, Instant startsAt, Instant endsAt) {
        String shiftId =
                given().auth()
                        .oauth2(Tokens.of("supervisor1"))
                        .contentType("application/json")
                        .body(
                                "{\"clinician\":\"%s\",\"tier\":\"%s\",\"startsAt\":\"%s\",\"endsAt\":\"%s\"}"
                                        .formatted(clinician, tier, startsAt, endsAt))
                        .when()
                        .post("/on-call/shifts")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("shiftId");
        shifts.add(shiftId);
        return shiftId;
    }

    /** Takes the examples' shifts off the rota and removes a webhook a test left. */
    @AfterEach
    void takeTheShiftsOff() throws Exception {
        for (String shiftId : shifts) {
            given().auth()
                    .oauth2(Tokens.of("supervisor1"))
                    .when()
                    .delete("/on-call/shifts/" + shiftId);
        }
        removeExamples();
    }

    @Override
    protected Map<String, String> pathValues() throws Exception {
        if (ids == null) {
            UUID clientId = UUID.randomUUID();
            KafkaProbe.publish(
                    new ClientRegistered(
                            clientId,
                            "Hostile",
                            "Input",
                            null,
                            null,
                            LocalDate.of(1990, 1, 1),
                            null,
                            null,
                            null,
                            Instant.now(),
                            "intake1"),
                    UUID.randomUUID());
            await().atMost(Duration.ofSeconds(15))
                    .until(
                            () ->
                                    Rows.count(
                                                    db,
                                                    "select count(*) from client_directory where client_id = '"
                                                            + clientId
                                                            + "'")
                                            == 1);
            CareTeamFixture.onCareTeam(db, clientId, "clinician1", "supervisor1");
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            // A shift under way, to be ended and replaced; on a tier no other test holds now.
            String shiftId =
                    shift(
                            "hostile-on-call-" + RUN,
                            "SUPERVISOR",
                            now.minus(1, ChronoUnit.HOURS),
                            now.plus(6, ChronoUnit.HOURS));
            String webhookId =
                    given().auth()
                            .oauth2(Tokens.of("admin1"))
                            .contentType("application/json")
                            .body(
                                    "{\"url\":\""
                                            + WEBHOOK
                                            + "\",\"secret\":\"0123456789abcdef-hostile\"}")
                            .when()
                            .post("/webhooks")
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("webhookId");
            ids =
                    Map.of(
                            "clientId",
                            clientId.toString(),
                            "priority",
                            "URGENT",
                            "name",
                            "clients",
                            "shiftId",
                            shiftId,
                            "webhookId",
                            webhookId);
        }
        return ids;
    }

    /** Clinicians and supervisors reach a client, and their alerts, only through a relation. */
    @Override
    protected int unknownIdStatus(String path, String parameter, String user) {
        boolean namesAClient = parameter.equals("clientId") || parameter.equals("alertId");
        // A supervisor, the ladder's last tier, opens any alert: an unknown one is not found.
        boolean supervisorsAlert = path.equals("/alerts/{alertId}") && user.equals("supervisor1");
        return namesAClient
                        && !supervisorsAlert
                        && !path.endsWith("/emergency-access")
                        && !user.equals("admin1")
                ? 403
                : 404;
    }

    @Override
    protected String userFor(String method, String path) {
        if (path.startsWith("/admin") || path.startsWith("/webhooks")) {
            return "admin1";
        }
        if (path.startsWith("/audit")) {
            return "privacy1";
        }
        if (path.startsWith("/clients/{clientId}/assessments")
                || path.startsWith("/clients/{clientId}/safety-plan")
                || path.startsWith("/registry")) {
            return "clinician1";
        }
        return "supervisor1";
    }

    @Override
    protected long storedRows() throws Exception {
        return Rows.count(
                db,
                "select (select count(*) from event_store where actor in"
                        + " ('clinician1', 'supervisor1', 'admin1'))"
                        + " + (select count(*) from on_call_shift) + (select count(*) from webhook_subscription)"
                        + " + (select count(*) from safety_plan_version) + (select count(*) from escalation_policy)");
    }

    @Override
    protected void removeExamples() throws Exception {
        // A webhook left registered would be sent other tests' alerts; a shift left would hold its
        // slot.
        List<String> webhooks =
                given().auth()
                        .oauth2(Tokens.of("admin1"))
                        .when()
                        .get("/webhooks")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("findAll { it.url == '" + WEBHOOK + "' }.webhookId");
        for (String webhookId : webhooks) {
            given().auth()
                    .oauth2(Tokens.of("admin1"))
                    .when()
                    .delete("/webhooks/" + webhookId)
                    .then()
                    .statusCode(204);
        }
        try (var connection = db.getConnection();
                var deliveries =
                        connection.prepareStatement(
                                "delete from webhook_delivery where webhook_id = ?::uuid");
                var shifts =
                        connection.prepareStatement(
                                "select shift_id from on_call_shift where clinician = 'oncall2'"
                                        + " and tier = 'SUPERVISOR' and starts_at > now() + interval '100 days'")) {
            for (String webhookId : webhooks) {
                deliveries.setString(1, webhookId);
                deliveries.executeUpdate();
            }
            try (var rows = shifts.executeQuery()) {
                while (rows.next()) {
                    given().auth()
                            .oauth2(Tokens.of("supervisor1"))
                            .when()
                            .delete("/on-call/shifts/" + rows.getString(1))
                            .then()
                            .statusCode(204);
                }
            }
        }
    }
}
