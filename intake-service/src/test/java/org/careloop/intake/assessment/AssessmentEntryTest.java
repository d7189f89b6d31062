package org.careloop.intake.assessment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
class AssessmentEntryTest {

    /** Events requests recorded: partners' inbound referrals arrive by event at any time. */
    static final String REQUESTED_EVENTS =
            "select count(*) from event_store where coalesce(actor, '') not like 'partner:%'";

    @Inject DataSource db;

    String clientId;

    @BeforeEach
    void registerClient() throws Exception {
        String location =
                given().auth()
                        .oauth2(Tokens.of("intake1"))
                        .contentType(ContentType.JSON)
                        .body(
                                "{\"firstName\":\"Mary\",\"lastName\":\"Shelley\",\"dateOfBirth\":\"1997-08-30\"}")
                        .when()
                        .post("/clients")
                        .then()
                        .statusCode(201)
                        .extract()
                        .header("Location");
        clientId = location.substring(location.lastIndexOf('/') + 1);
        CareTeamFixture.onCareTeam(db, UUID.fromString(clientId), "clinician1", "supervisor1");
    }

    @Test
    void aPhq9WithAPositiveItemNineIsScoredFlaggedAndPublished() throws Exception {
        String assessmentId =
                given().auth()
                        .oauth2(Tokens.of("intake1"))
                        .contentType(ContentType.JSON)
                        .body(
                                "{\"instrument\":\"PHQ-9\",\"answers\":[1,1,1,1,1,1,1,1,2],\"difficulty\":1}")
                        .when()
                        .post("/clients/" + clientId + "/assessments")
                        .then()
                        .statusCode(201)
                        .body("instrument", equalTo("PHQ-9"))
                        .body("totalScore", equalTo(10))
                        .body("severity", equalTo("MODERATE"))
                        .body("riskLevel", equalTo("MODERATE"))
                        .body("flags", contains("ITEM9_POSITIVE", "FURTHER_EVALUATION_WARRANTED"))
                        .body("administeredBy", equalTo("intake1"))
                        .extract()
                        .path("assessmentId");

        ConsumerRecord<String, String> published =
                KafkaProbe.await(
                        Topics.INTAKE,
                        r ->
                                clientId.equals(r.key())
                                        && "careloop.intake.AssessmentCompleted.v1"
                                                .equals(KafkaProbe.header(r, "ce_type")),
                        Duration.ofSeconds(15));
        JsonNode event = EventJson.mapper().readTree(published.value());
        assertEquals(assessmentId, event.get("assessmentId").asText());
        assertEquals("MODERATE", event.get("riskLevel").asText());
        assertEquals(2, event.get("itemScores").get(8).asInt());

        given().auth()
                .oauth2(Tokens.of("supervisor1"))
                .when()
                .get("/clients/" + clientId + "/assessments")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].assessmentId", equalTo(assessmentId));
    }

    @Test
    void aHighRiskScreenerAndABiopsychosocialAreRecordedWithTheirOwnShape() {
        given().auth()
                .oauth2(Tokens.of("clinician1"))
                .contentType(ContentType.JSON)
                .body(
                        """
                        {"instrument":"C-SSRS-SCREENER","answers":{"wishToBeDead":true,"nonSpecificActiveThoughts":true,
                         "thoughtsWithMethod":true,"intentWithoutPlan":false,"intentWithPlan":true,
                         "suicidalBehavior":false}}""")
                .when()
                .post("/clients/" + clientId + "/assessments")
                .then()
                .statusCode(201)
                .body("riskLevel", equalTo("HIGH"))
                .body("totalScore", nullValue())
                .body("flags", hasItem("INTENT_WITH_PLAN"));
        given().auth()
                .oauth2(Tokens.of("clinician1"))
                .contentType(ContentType.JSON)
                .body(
                        """
                        {"instrument":"BIOPSYCHOSOCIAL","presentingProblem":"Low mood for three months",
                         "substanceUse":"None reported","strengths":"Supportive sister",
                         "diagnoses":[{"code":"F32.1","system":"ICD-10-CM",
                                       "description":"Major depressive disorder, single episode, moderate"}]}""")
                .when()
                .post("/clients/" + clientId + "/assessments")
                .then()
                .statusCode(201)
                .body("riskLevel", nullValue())
                .body("diagnoses[0].code", equalTo("F32.1"))
                .body("sections.presentingProblem", equalTo("Low mood for three months"));
    }

    static Stream<Arguments> badAssessments() {
        return Stream.of(
                Arguments.of("{\"instrument\":\"PHQ-9\",\"answers\":[1,1,1,1,1,1,1,1]}", "answers"),
                Arguments.of(
                        "{\"instrument\":\"PHQ-9\",\"answers\":[1,1,1,4,1,1,1,1,1]}", "answers[3]"),
                Arguments.of(
                        "{\"instrument\":\"PHQ-9\",\"answers\":[1,1,1,-1,1,1,1,1,1]}",
                        "answers[3]"),
                Arguments.of(
                        "{\"instrument\":\"PHQ-9\",\"answers\":[1,1,1,1.5,1,1,1,1,1]}",
                        "answers[3]"),
                Arguments.of(
                        "{\"instrument\":\"PHQ-9\",\"answers\":[1,1,1,1,1,1,1,1,1],\"difficulty\":7}",
                        "difficulty"),
                Arguments.of(
                        "{\"instrument\":\"GAD-7\",\"answers\":[1,1,1,1,1,1,1,1,1]}", "answers"),
                Arguments.of("{\"instrument\":\"BDI-II\",\"answers\":[1]}", "instrument"),
                Arguments.of("{\"answers\":[1,1,1,1,1,1,1,1,1]}", "instrument"),
                Arguments.of(
                        "{\"instrument\":\"PHQ-9\",\"answers\":[1,1,1,1,1,1,1,1,1],"
                                + "\"administeredAt\":\"2999-01-01T00:00:00Z\"}",
                        "administeredAt"),
                Arguments.of(
                        "{\"instrument\":\"C-SSRS-SCREENER\",\"answers\":{\"wishToBeDead\":true,"
                                + "\"nonSpecificActiveThoughts\":false,\"intentWithPlan\":true,\"suicidalBehavior\":false}}",
                        "answers.intentWithPlan"),
                Arguments.of(
                        "{\"instrument\":\"C-SSRS-SCREENER\",\"answers\":{\"wishToBeDead\":true,"
                                + "\"suicidalBehavior\":false}}",
                        "answers.nonSpecificActiveThoughts"),
                Arguments.of(
                        "{\"instrument\":\"BIOPSYCHOSOCIAL\",\"presentingProblem\":\"Low mood\","
                                + "\"diagnoses\":[{\"code\":\"depression\",\"system\":\"ICD-10-CM\",\"description\":\"x\"}]}",
                        "diagnoses[0].code"));
    }

    @ParameterizedTest
    @MethodSource("badAssessments")
    void badAnswersAreAProblemNamingTheFieldAndStoreNothing(String body, String field)
            throws SQLException {
        long events = Rows.count(db, REQUESTED_EVENTS);

        given().auth()
                .oauth2(Tokens.of("intake1"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/clients/" + clientId + "/assessments")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));

        assertEquals(events, Rows.count(db, REQUESTED_EVENTS));
    }

    @Test
    void anUnknownClientIsNotFoundAndOtherRolesAreRefused() throws SQLException {
        long events = Rows.count(db, REQUESTED_EVENTS);
        given().auth()
                .oauth2(Tokens.of("intake1"))
                .contentType(ContentType.JSON)
                .body("{\"instrument\":\"GAD-7\",\"answers\":[1,1,1,1,1,1,1]}")
                .when()
                .post("/clients/" + UUID.randomUUID() + "/assessments")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        assertEquals(events, Rows.count(db, REQUESTED_EVENTS));
        given().auth()
                .oauth2(Tokens.of("billing1"))
                .contentType(ContentType.JSON)
                .body("{\"instrument\":\"GAD-7\",\"answers\":[1,1,1,1,1,1,1]}")
                .when()
                .post("/clients/" + clientId + "/assessments")
                .then()
                .statusCode(403);
    }
}
