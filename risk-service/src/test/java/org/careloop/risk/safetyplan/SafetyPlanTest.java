package org.careloop.risk.safetyplan;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.careloop.contracts.Topics;
import org.careloop.contracts.intake.ClientRegistered;
import org.careloop.platform.testing.CareTeamFixture;
import org.careloop.platform.testing.KafkaProbe;
import org.careloop.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SafetyPlanTest {

    static final String PLAN =
            """
            {"warningSigns":["%s"],"internalCopingStrategies":["Walk the dog"],"socialDistractions":["Cafe on Main St"],
             "peopleToAskForHelp":["Sister, 555-0123"],"professionalContacts":["Dr Lee 555-0199","988"],
             "environmentSafety":["Medication locked by sister"]}""";

    @Test
    void everyRevisionIsANewVersionAndAllAreKept() {
        UUID clientId = UUID.randomUUID();
        KafkaProbe.publish(
                new ClientRegistered(
                        clientId,
                        "Sylvia",
                        "Test",
                        null,
                        null,
                        LocalDate.of(1990, 1, 1),
                        null,
                        null,
                        null,
                        Instant.now(),
                        "intake1"),
                UUID.randomUUID());
        CareTeamFixture.onCareTeam(clientId, "supervisor1", "clinician1", "clinician2", "oncall1");
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(
                        () ->
                                given().auth()
                                        .oauth2(Tokens.of("clinician1"))
                                        .when()
                                        .get("/clients/" + clientId)
                                        .then()
                                        .statusCode(200));
        given().auth()
                .oauth2(Tokens.of("clinician1"))
                .when()
                .get("/clients/" + clientId + "/safety-plan")
                .then()
                .statusCode(404);

        given().auth()
                .oauth2(Tokens.of("clinician1"))
                .contentType(ContentType.JSON)
                .body(PLAN.formatted("Not sleeping"))
                .when()
                .put("/clients/" + clientId + "/safety-plan")
                .then()
                .statusCode(200)
                .body("version", equalTo(1))
                .body("revisedBy", equalTo("clinician1"));
        given().auth()
                .oauth2(Tokens.of("clinician2"))
                .contentType(ContentType.JSON)
                .body(PLAN.formatted("Giving things away"))
                .when()
                .put("/clients/" + clientId + "/safety-plan")
                .then()
                .statusCode(200)
                .body("version", equalTo(2));

        given().auth()
                .oauth2(Tokens.of("oncall1"))
                .when()
                .get("/clients/" + clientId + "/safety-plan")
                .then()
                .statusCode(200)
                .body("version", equalTo(2))
                .body("sections.warningSigns", contains("Giving things away"));
        given().auth()
                .oauth2(Tokens.of("supervisor1"))
                .when()
                .get("/clients/" + clientId + "/safety-plan/versions")
                .then()
                .statusCode(200)
                .body("version", contains(1, 2))
                .body("revisedBy", contains("clinician1", "clinician2"));
        given().auth()
                .oauth2(Tokens.of("clinician1"))
                .when()
                .get("/clients/" + clientId)
                .then()
                .statusCode(200)
                .body("safetyPlanVersion", equalTo(2));
        KafkaProbe.await(
                Topics.RISK,
                r ->
                        clientId.toString().equals(r.key())
                                && "careloop.risk.SafetyPlanUpdated.v1"
                                        .equals(KafkaProbe.header(r, "ce_type")),
                Duration.ofSeconds(15));
    }

    @Test
    void aPlanMissingASectionIsRefusedNamingItAndOthersMayNotWrite() {
        UUID clientId = UUID.randomUUID();
        KafkaProbe.publish(
                new ClientRegistered(
                        clientId,
                        "Sylvia",
                        "Refused",
                        null,
                        null,
                        LocalDate.of(1990, 1, 1),
                        null,
                        null,
                        null,
                        Instant.now(),
                        "intake1"),
                UUID.randomUUID());
        CareTeamFixture.onCareTeam(clientId, "clinician1");
        given().auth()
                .oauth2(Tokens.of("clinician1"))
                .contentType(ContentType.JSON)
                .body("{\"warningSigns\":[\"x\"]}")
                .when()
                .put("/clients/" + clientId + "/safety-plan")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("environmentSafety"));
        given().auth()
                .oauth2(Tokens.of("clinician1"))
                .contentType(ContentType.JSON)
                .body(PLAN.formatted(""))
                .when()
                .put("/clients/" + clientId + "/safety-plan")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("warningSigns[0]"));
        given().auth()
                .oauth2(Tokens.of("clinician1"))
                .contentType(ContentType.JSON)
                .body(PLAN.formatted("x"))
                .when()
                .put("/clients/" + UUID.randomUUID() + "/safety-plan")
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:careloop:problem:no-care-relationship"));
        given().auth()
                .oauth2(Tokens.of("intake1"))
                .contentType(ContentType.JSON)
                .body(PLAN.formatted("x"))
                .when()
                .put("/clients/" + clientId + "/safety-plan")
                .then()
                .statusCode(403);
    }
}
