package org.careloop.referral.fhir;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.careloop.platform.testing.CareTeamFixture;
import org.careloop.platform.testing.Rows;
import org.careloop.platform.testing.Tokens;
import org.careloop.referral.client.Intake;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The partner interface against the real database and Keycloak: a partner, with its own
 * client-credentials token, finds the referral sent to it as a FHIR R4 Task, answers it step by
 * step, and sees nothing of another partner's or of the rest of the API.
 */
@QuarkusTest
class TaskInterfaceTest {

    static final String PSYCHIATRY = "partner:demo-psychiatry";
    static final String HOUSING = "partner:demo-housing";

    private static final FhirValidator VALIDATOR =
            Fhir.R4
                    .newValidator()
                    .registerValidatorModule(
                            new FhirInstanceValidator(
                                    new ValidationSupportChain(
                                            new DefaultProfileValidationSupport(Fhir.R4),
                                            new InMemoryTerminologyServerValidationSupport(Fhir.R4),
                                            new CommonCodeSystemsTerminologyService(Fhir.R4))));

    @Inject DataSource db;

    @BeforeEach
    void demoPartners() {
        partner("demo-psychiatry", "Demo Psychiatry", "PSYCHIATRY");
        partner("demo-housing", "Demo Housing", "HOUSING");
    }

    static void partner(String partnerId, String name, String service) {
        given().auth()
                .oauth2(Tokens.of("supervisor1"))
                .contentType(ContentType.JSON)
                .body(
                        Map.of(
                                "name",
                                name,
                                "services",
                                List.of(service),
                                "contact",
                                Map.of("phone", "614-555-0102", "email", "referrals@example.org"),
                                "electronic",
                                true))
                .put("/partners/" + partnerId)
                .then()
                .statusCode(200);
    }

    /** A referral clinician1 sent to demo-psychiatry for a client of theirs. */
    static String sent() {
        UUID clientId = Intake.registered();
        CareTeamFixture.onCareTeam(clientId, "clinician1");
        Intake.consented(clientId, "demo-psychiatry", false);
        String referralId =
                given().auth()
                        .oauth2(Tokens.of("clinician1"))
                        .contentType(ContentType.JSON)
                        .body(
                                Map.of(
                                        "partnerId",
                                        "demo-psychiatry",
                                        "serviceType",
                                        "PSYCHIATRY",
                                        "urgency",
                                        "URGENT",
                                        "reason",
                                        "Medication evaluation after two SSRI trials",
                                        "diagnoses",
                                        List.of("F33.1"),
                                        "notes",
                                        "PHQ-9 of 19"))
                        .post("/clients/" + clientId + "/referrals")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("referralId");
        given().auth()
                .oauth2(Tokens.of("clinician1"))
                .post("/referrals/" + referralId + "/sending")
                .then()
                .statusCode(200);
        return referralId;
    }

    static ValidatableResponse task(String partner, String taskId) {
        return given().auth().oauth2(Tokens.of(partner)).get("/fhir/Task/" + taskId).then();
    }

    static ValidatableResponse put(String partner, String taskId, String body) {
        return given().auth()
                .oauth2(Tokens.of(partner))
                .contentType(Fhir.JSON)
                .body(body)
                .put("/fhir/Task/" + taskId)
                .then();
    }

    static ValidatableResponse patch(String partner, String taskId, String operations) {
        return given().auth()
                .oauth2(Tokens.of(partner))
                .contentType("application/json-patch+json")
                .body(operations)
                .patch("/fhir/Task/" + taskId)
                .then();
    }

    /** The Task as the partner reads it, with {@code change} made to it, as JSON. */
    static String changed(String taskId, java.util.function.Consumer<Task> change) {
        String json = task(PSYCHIATRY, taskId).statusCode(200).extract().asString();
        Task task = Fhir.strictParser().parseResource(Task.class, json);
        change.accept(task);
        return Fhir.writer().encodeResourceToString(task);
    }

    static void output(Task task, String type, String text) {
        task.addOutput()
                .setType(new org.hl7.fhir.r4.model.CodeableConcept().setText(type))
                .setValue(new org.hl7.fhir.r4.model.StringType(text));
    }

    static List<String> errors(String json) {
        return VALIDATOR.validateWithResult(json).getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .map(SingleValidationMessage::toString)
                .toList();
    }

    String referralStatus(String referralId) {
        return given().auth()
                .oauth2(Tokens.of("clinician1"))
                .get("/referrals/" + referralId)
                .then()
                .statusCode(200)
                .extract()
                .path("status");
    }

    long events(String referralId) throws Exception {
        return Rows.count(
                db, "select count(*) from event_store where stream_id = '" + referralId + "'");
    }

    @Test
    void aPartnerFindsItsReferralAsATaskAndAnswersItUntilTheLoopCloses() throws Exception {
        String taskId = sent();

        given().auth()
                .oauth2(Tokens.of(PSYCHIATRY))
                .queryParam("status", "requested")
                .get("/fhir/Task")
                .then()
                .statusCode(200)
                .contentType(containsString(Fhir.JSON))
                .body("resourceType", equalTo("Bundle"))
                .body("type", equalTo("searchset"))
                .body("entry.resource.id", hasItem(taskId));

        String json =
                task(PSYCHIATRY, taskId)
                        .statusCode(200)
                        .body("status", equalTo("requested"))
                        .body("intent", equalTo("order"))
                        .body("priority", equalTo("urgent"))
                        .body("focus.reference", equalTo("#servicerequest"))
                        .body("owner.identifier.value", equalTo("demo-psychiatry"))
                        .extract()
                        .asString();
        assertEquals(List.of(), errors(json), json);
        Task read = Fhir.strictParser().parseResource(Task.class, json);
        ServiceRequest request = (ServiceRequest) read.getContained().getFirst();
        assertEquals("urgent", request.getPriority().toCode());
        assertEquals("PSYCHIATRY", request.getCode().getCodingFirstRep().getCode());
        assertEquals(
                "F33.1",
                request.getReasonCode().get(1).getCodingFirstRep().getCode(),
                "the diagnosis as ICD-10-CM");

        put(PSYCHIATRY, taskId, changed(taskId, t -> t.setStatus(Task.TaskStatus.ACCEPTED)))
                .statusCode(200)
                .body("status", equalTo("accepted"));
        assertEquals("ACCEPTED", referralStatus(taskId));
        long accepted = events(taskId);
        put(PSYCHIATRY, taskId, changed(taskId, t -> t.setStatus(Task.TaskStatus.ACCEPTED)))
                .statusCode(200);
        assertEquals(accepted, events(taskId), "the same answer again records nothing");

        patch(
                        PSYCHIATRY,
                        taskId,
                        "[{\"op\":\"test\",\"path\":\"/status\",\"value\":\"accepted\"},"
                                + "{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"in-progress\"},"
                                + "{\"op\":\"add\",\"path\":\"/executionPeriod\","
                                + "\"value\":{\"start\":\"2026-12-10T15:30:00Z\"}}]")
                .statusCode(200)
                .body("status", equalTo("in-progress"))
                .body("executionPeriod.start", containsString("2026-12-10"));
        given().auth()
                .oauth2(Tokens.of("clinician1"))
                .get("/referrals/" + taskId)
                .then()
                .body("status", equalTo("IN_PROGRESS"))
                .body("appointmentAt", equalTo("2026-12-10T15:30:00Z"));

        put(
                        PSYCHIATRY,
                        taskId,
                        changed(
                                taskId,
                                t -> {
                                    t.setStatus(Task.TaskStatus.COMPLETED);
                                    output(t, "summary", "Seen 12/10; sertraline started");
                                    output(t, "recommendations", "Follow-up in 4 weeks");
                                }))
                .statusCode(200)
                .body("status", equalTo("completed"));
        given().auth()
                .oauth2(Tokens.of("clinician1"))
                .post("/referrals/" + taskId + "/review")
                .then()
                .statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("outcome.summary", equalTo("Seen 12/10; sertraline started"));

        String closed =
                task(PSYCHIATRY, taskId)
                        .statusCode(200)
                        .body("status", equalTo("completed"))
                        .body("businessStatus.text", containsString("reviewed"))
                        .extract()
                        .asString();
        assertEquals(List.of(), errors(closed), closed);
        given().auth()
                .oauth2(Tokens.of(PSYCHIATRY))
                .queryParam("status", "requested")
                .get("/fhir/Task")
                .then()
                .statusCode(200)
                .body("entry.resource.id", not(hasItem(taskId)));
    }

    @Test
    void anotherPartnerAndTheRestOfTheApiAreOutOfReach() throws Exception {
        String taskId = sent();
        long before = events(taskId);

        task(HOUSING, taskId).statusCode(404);
        put(HOUSING, taskId, changed(taskId, t -> t.setStatus(Task.TaskStatus.ACCEPTED)))
                .statusCode(404);
        patch(HOUSING, taskId, "[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"accepted\"}]")
                .statusCode(404);
        given().auth()
                .oauth2(Tokens.of(HOUSING))
                .get("/fhir/Task")
                .then()
                .statusCode(200)
                .body("entry.resource.id", not(hasItem(taskId)));

        // A partner's token opens nothing but its Tasks; staff tokens do not open Tasks.
        given().auth()
                .oauth2(Tokens.of(PSYCHIATRY))
                .get("/referrals/" + taskId)
                .then()
                .statusCode(403);
        given().auth().oauth2(Tokens.of(PSYCHIATRY)).get("/partners").then().statusCode(403);
        given().auth().oauth2(Tokens.of(PSYCHIATRY)).get("/worklist").then().statusCode(403);
        given().auth().oauth2(Tokens.of("clinician1")).get("/fhir/Task").then().statusCode(403);
        given().auth()
                .oauth2(Tokens.of("admin1"))
                .get("/fhir/Task/" + taskId)
                .then()
                .statusCode(403);
        assertEquals(before, events(taskId));
        assertEquals("REQUESTED", referralStatus(taskId));
    }

    @Test
    void aPartnersMistakesAreProblemsNamingTheElementAndChangeNothing() throws Exception {
        String taskId = sent();
        long before = events(taskId);

        for (String reason : new String[] {null, "x".repeat(2001), "No capacity\u0000"}) {
            put(
                            PSYCHIATRY,
                            taskId,
                            changed(
                                    taskId,
                                    t -> {
                                        t.setStatus(Task.TaskStatus.REJECTED);
                                        if (reason != null) {
                                            t.getStatusReason().setText(reason);
                                        }
                                    }))
                    .statusCode(400)
                    .body("errors.field", hasItem("statusReason.text"));
        }
        put(PSYCHIATRY, taskId, changed(taskId, t -> t.setStatus(Task.TaskStatus.INPROGRESS)))
                .statusCode(400)
                .body("errors.field", hasItem("executionPeriod.start"));
        put(PSYCHIATRY, taskId, changed(taskId, t -> t.setStatus(Task.TaskStatus.COMPLETED)))
                .statusCode(400)
                .body("errors.field", hasItem("output"));
        put(
                        PSYCHIATRY,
                        taskId,
                        changed(
                                taskId,
                                t -> {
                                    t.setStatus(Task.TaskStatus.COMPLETED);
                                    output(t, "summary", "Seen before accepting?");
                                }))
                .statusCode(409)
                .body("type", containsString("illegal-transition"));
        put(PSYCHIATRY, taskId, changed(taskId, t -> t.setStatus(Task.TaskStatus.CANCELLED)))
                .statusCode(409)
                .body("type", containsString("illegal-transition"));
        put(PSYCHIATRY, taskId, changed(taskId, t -> t.setId(UUID.randomUUID().toString())))
                .statusCode(400)
                .body("errors.field", hasItem("id"));
        put(PSYCHIATRY, taskId, "{\"resourceType\":\"Task\",\"status\":\"accepted\",\"color\":1}")
                .statusCode(400)
                .body("errors.field", hasItem("body"));
        put(PSYCHIATRY, taskId, "{\"resourceType\":\"Patient\",\"active\":true}")
                .statusCode(400)
                .body("errors.field", hasItem("body"));
        put(PSYCHIATRY, taskId, "{\"resourceType\":\"Task\",\"status\":42}").statusCode(400);
        put(PSYCHIATRY, taskId, "not json").statusCode(400).body("errors.field", hasItem("body"));
        put(PSYCHIATRY, taskId, "").statusCode(400).body("errors.field", hasItem("body"));
        patch(PSYCHIATRY, taskId, "{\"op\":\"replace\"}")
                .statusCode(400)
                .body("errors.field", hasItem("body"));
        patch(PSYCHIATRY, taskId, "[{\"op\":\"move\",\"path\":\"/status\",\"from\":\"/intent\"}]")
                .statusCode(400)
                .body("errors.field", hasItem("[0].op"));
        patch(PSYCHIATRY, taskId, "[{\"op\":\"replace\",\"path\":\"/nothing/here\",\"value\":1}]")
                .statusCode(400)
                .body("errors.field", hasItem("[0].path"));
        patch(
                        PSYCHIATRY,
                        taskId,
                        "[{\"op\":\"test\",\"path\":\"/status\",\"value\":\"accepted\"},"
                                + "{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"in-progress\"}]")
                .statusCode(409)
                .body("type", containsString("patch-test-failed"));
        given().auth()
                .oauth2(Tokens.of(PSYCHIATRY))
                .queryParam("status", "sideways")
                .get("/fhir/Task")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("status"));
        given().auth()
                .oauth2(Tokens.of(PSYCHIATRY))
                .queryParam("patient", "x")
                .get("/fhir/Task")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("patient"));

        assertEquals(before, events(taskId), "no mistake recorded anything");
        assertEquals("REQUESTED", referralStatus(taskId));
    }
}
