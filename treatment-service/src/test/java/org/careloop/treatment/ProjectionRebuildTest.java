package org.careloop.treatment;

import static org.awaitility.Awaitility.await;
import static org.careloop.treatment.Clinic.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.careloop.contracts.risk.RiskLevelChanged;
import org.careloop.platform.testing.KafkaProbe;
import org.careloop.platform.testing.Rows;
import org.junit.jupiter.api.Test;

/**
 * Every read model of treatment is a projection: a rebuild from the event store (or the inbox)
 * gives the same rows, row by row.
 */
@QuarkusTest
class ProjectionRebuildTest {

    /** Each projection, the table it keeps and that table's key. */
    record ReadModel(String projection, String table, String key) {}

    static final List<ReadModel> READ_MODELS =
            List.of(
                    new ReadModel("staff", "staff_member", "username"),
                    new ReadModel("care-teams", "care_team_member", "client_id, clinician"),
                    new ReadModel("care-episodes", "care_episode", "client_id"),
                    new ReadModel("plans", "treatment_plan", "plan_id"),
                    new ReadModel("plan-versions", "treatment_plan_version", "plan_id, version"),
                    new ReadModel("sessions", "session_record", "session_id"),
                    new ReadModel("risk-levels", "client_risk", "client_id"),
                    new ReadModel("groups", "therapy_group", "group_id"),
                    new ReadModel("group-members", "therapy_group_member", "group_id, client_id"));

    @Inject DataSource db;

    @Test
    void everyReadModelRebuildsToTheSameRows() throws Exception {
        Clinic.staff();
        UUID client = Clinic.client(db, "Rebuild");
        Clinic.assign(client, "associate1", "PRIMARY");
        Clinic.assign(client, "clinician1", "PRESCRIBER");
        UUID discharged = Clinic.client(db, "RebuildDischarged");
        Clinic.assign(discharged, "clinician1", "PRIMARY");
        as("clinician1")
                .body("{\"reason\":\"Moved out of state\",\"criteriaMet\":false}")
                .post("/clients/" + discharged + "/discharge")
                .then()
                .statusCode(200);
        String plan =
                as("associate1")
                        .body(Clinic.plan(10, "associate1"))
                        .when()
                        .post("/clients/" + client + "/plans")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("planId");
        for (String body :
                List.of(
                        "{\"role\":\"AUTHOR\"}",
                        "{\"role\":\"CLIENT\",\"method\":\"IN_PERSON\"}")) {
            as("associate1")
                    .body(body)
                    .post("/plans/" + plan + "/signatures")
                    .then()
                    .statusCode(200);
        }
        as("supervisor1")
                .body("{\"role\":\"SUPERVISOR\"}")
                .post("/plans/" + plan + "/signatures")
                .then()
                .statusCode(200);
        as("associate1")
                .body(Clinic.plan(5, "clinician1"))
                .post("/plans/" + plan + "/revisions")
                .then()
                .statusCode(201);
        String session =
                as("associate1")
                        .body(
                                Clinic.session(
                                        "INDIVIDUAL",
                                        Instant.now().minus(Duration.ofHours(3)),
                                        45,
                                        "[\"1.1.1\"]"))
                        .post("/clients/" + client + "/sessions")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("sessionId");
        as("associate1").post("/sessions/" + session + "/signature").then().statusCode(200);
        as("associate1")
                .body("{\"text\":\"Addendum\"}")
                .post("/sessions/" + session + "/addenda")
                .then()
                .statusCode(201);
        String group =
                as("supervisor1")
                        .body("{\"name\":\"Rebuild group\",\"facilitator\":\"associate1\"}")
                        .post("/groups")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("groupId");
        as("associate1")
                .body("{\"clientId\":\"" + client + "\"}")
                .post("/groups/" + group + "/members")
                .then()
                .statusCode(200);
        Instant groupStart = Instant.now().minus(Duration.ofHours(2));
        as("associate1")
                .body(
                        """
                        {"startedAt":"%s","endedAt":"%s","modality":"IN_PERSON","clientLocation":"CLINIC",
                         "attendance":[{"clientId":"%s","present":true,"objectivesAddressed":["1.1.1"],
                           "riskReviewed":true,
                           "note":{"format":"DAP","data":"Joined the group","assessment":"Engaged",
                                   "plan":"Next week"}}]}"""
                                .formatted(
                                        groupStart,
                                        groupStart.plus(Duration.ofMinutes(90)),
                                        client))
                .post("/groups/" + group + "/sessions")
                .then()
                .statusCode(201);
        KafkaProbe.publish(
                new RiskLevelChanged(
                        client,
                        "NONE",
                        "LOW",
                        "SCREEN",
                        null,
                        "C-SSRS: wish to be dead",
                        null,
                        Instant.now()),
                UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                Rows.count(
                                                db,
                                                "select count(*) from client_risk where client_id = '"
                                                        + client
                                                        + "'")
                                        == 1);

        // The first version's review falls due seconds after approval (the test profile's
        // interval): let it, so nothing changes the rows while they are compared.
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                Rows.count(
                                                db,
                                                "select count(*) from event_store where stream_id = '"
                                                        + plan
                                                        + "' and event_type = 'treatment.plan.ReviewDue'")
                                        == 1);

        for (ReadModel model : READ_MODELS) {
            String before = Rows.dump(db, model.table(), model.key());
            assertTrue(
                    before.contains(
                            switch (model.table()) {
                                case "staff_member" -> "associate1";
                                case "care_episode" -> discharged.toString();
                                default -> client.toString();
                            }),
                    model.table() + " has no rows of this test: " + before);

            as("admin1")
                    .when()
                    .post("/admin/projections/" + model.projection() + "/rebuild")
                    .then()
                    .statusCode(200);

            assertEquals(
                    before,
                    Rows.dump(db, model.table(), model.key()),
                    model.projection() + " rebuilt differently");
        }
    }
}
