package org.careloop.treatment.group;

import static org.careloop.treatment.Clinic.as;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.careloop.contracts.Topics;
import org.careloop.platform.messaging.CloudEventHeaders;
import org.careloop.platform.testing.KafkaProbe;
import org.careloop.platform.testing.Rows;
import org.careloop.treatment.Clinic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A group session through the API: attendance per member, a GROUP note for each one present that
 * follows the session lifecycle to SessionDocumented on the real broker, and the refusals that
 * store nothing.
 */
@QuarkusTest
class GroupSessionTest {

    static final Duration EVENTUALLY = Duration.ofSeconds(30);

    @Inject DataSource db;

    UUID ana;
    UUID ben;
    String group;

    @BeforeEach
    void clinic() {
        Clinic.staff();
        ana = Clinic.client(db, "GroupAna");
        ben = Clinic.client(db, "GroupBen");
        // Both are clinician1's clients: the facilitator documents for members of another caseload.
        Clinic.assign(ana, "clinician1", "PRIMARY");
        Clinic.assign(ben, "clinician1", "PRIMARY");
        group =
                as("supervisor1")
                        .body("{\"name\":\"Tuesday DBT skills\",\"facilitator\":\"associate1\"}")
                        .when()
                        .post("/groups")
                        .then()
                        .statusCode(201)
                        .body("facilitator", equalTo("associate1"))
                        .extract()
                        .path("groupId");
        join(ana);
        join(ben);
    }

    void join(UUID client) {
        as("associate1")
                .body("{\"clientId\":\"" + client + "\"}")
                .when()
                .post("/groups/" + group + "/members")
                .then()
                .statusCode(200);
    }

    static String present(UUID client, String objectives) {
        return """
                {"clientId":"%s","present":true,
                 "note":{"format":"BIRP","behavior":"Practised a distress-tolerance skill aloud.",
                         "intervention":"DBT skills training: TIPP.","response":"Named one use this week.",
                         "plan":"Practise daily; review next group."},
                 "objectivesAddressed":%s,"riskReviewed":true}"""
                .formatted(client, objectives);
    }

    static String absent(UUID client) {
        return "{\"clientId\":\"" + client + "\",\"present\":false}";
    }

    static String session(Instant start, String... attendance) {
        return """
                {"startedAt":"%s","endedAt":"%s","modality":"IN_PERSON","clientLocation":"CLINIC",
                 "attendance":[%s]}"""
                .formatted(start, start.plus(Duration.ofMinutes(90)), String.join(",", attendance));
    }

    static String slug(JsonPath problem) {
        String type = problem.getString("type");
        return type.substring(type.lastIndexOf(':') + 1);
    }

    @Test
    void eachPresentMembersNoteIsAGroupSessionDocumentedOnceCosigned() {
        Instant start = Instant.now().minus(Duration.ofHours(3));

        JsonPath held =
                as("associate1")
                        .body(session(start, present(ana, "[]"), absent(ben)))
                        .when()
                        .post("/groups/" + group + "/sessions")
                        .then()
                        .statusCode(201)
                        .header("Location", endsWith("/groups/" + group))
                        .extract()
                        .jsonPath();

        String groupSession = held.getString("groupSessionId");
        String session = held.getString("attendance[0].sessionId");
        assertNotNull(groupSession);
        assertNotNull(session);
        assertEquals(ana.toString(), held.getString("attendance[0].clientId"));
        assertEquals(false, held.getBoolean("attendance[1].present"));
        assertEquals(null, held.getString("attendance[1].sessionId"));
        as("clinician1")
                .when()
                .get("/sessions/" + session)
                .then()
                .statusCode(200)
                .body("type", equalTo("GROUP"))
                .body("status", equalTo("DRAFT"))
                .body("clientId", equalTo(ana.toString()))
                .body("author", equalTo("associate1"))
                .body("groupSessionId", equalTo(groupSession));
        as("clinician1")
                .when()
                .get("/clients/" + ben + "/sessions")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
        as("clinician1")
                .when()
                .get("/groups/" + group)
                .then()
                .statusCode(200)
                .body("members.size()", equalTo(2))
                .body("sessions[0].groupSessionId", equalTo(groupSession))
                .body("sessions[0].attendance[0].sessionId", equalTo(session));

        as("associate1")
                .when()
                .post("/sessions/" + session + "/signature")
                .then()
                .statusCode(200)
                .body("status", equalTo("AWAITING_COSIGN"))
                .body("documentedAt", nullValue());
        as("supervisor1")
                .when()
                .post("/sessions/" + session + "/cosignature")
                .then()
                .statusCode(200)
                .body("status", equalTo("COSIGNED"));

        String documented =
                KafkaProbe.await(
                                Topics.TREATMENT,
                                r ->
                                        "careloop.treatment.SessionDocumented.v1"
                                                        .equals(
                                                                KafkaProbe.header(
                                                                        r, CloudEventHeaders.TYPE))
                                                && r.value().contains(session),
                                EVENTUALLY)
                        .value();
        assertTrue(documented.contains("\"type\":\"GROUP\""), documented);
        assertTrue(documented.contains("\"groupSessionId\":\"" + groupSession + "\""), documented);
        assertTrue(documented.contains("\"clientId\":\"" + ana + "\""), documented);
        assertTrue(documented.contains("\"renderingClinician\":\"associate1\""), documented);
        assertTrue(documented.contains("\"supervisingClinician\":\"supervisor1\""), documented);
        assertTrue(documented.contains("\"minutes\":90"), documented);
    }

    @Test
    void anAttendeeNotOnTheRosterIsRefusedNamingTheEntryAndNothingIsStored() throws Exception {
        UUID cara = Clinic.client(db, "GroupCara");
        Instant start = Instant.now().minus(Duration.ofHours(3));
        long before = Rows.count(db, "select count(*) from event_store");

        as("associate1")
                .body(session(start, present(ana, "[]"), present(cara, "[]")))
                .when()
                .post("/groups/" + group + "/sessions")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("attendance[1].clientId"));

        assertEquals(before, Rows.count(db, "select count(*) from event_store"));
    }

    @Test
    void anAttendeesNoteRefusedUndoesTheWholeSession() throws Exception {
        Instant start = Instant.now().minus(Duration.ofHours(3));
        long before = Rows.count(db, "select count(*) from event_store");

        // Ana's note is drafted first, then Ben's objective is not on a plan of his: all or
        // nothing.
        as("associate1")
                .body(session(start, present(ana, "[]"), present(ben, "[\"1.1.1\"]")))
                .when()
                .post("/groups/" + group + "/sessions")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("attendance[1].objectivesAddressed[0]"));

        assertEquals(before, Rows.count(db, "select count(*) from event_store"));
        as("clinician1")
                .when()
                .get("/clients/" + ana + "/sessions")
                .then()
                .body("size()", equalTo(0));
        as("clinician1").when().get("/groups/" + group).then().body("sessions.size()", equalTo(0));
    }

    @Test
    void onlyAFacilitatorHoldsTheSessionAndTheRosterTakesNoOneTwice() throws Exception {
        Instant start = Instant.now().minus(Duration.ofHours(3));
        long before = Rows.count(db, "select count(*) from event_store");

        assertEquals(
                "not-facilitator",
                slug(
                        as("clinician1")
                                .body(session(start, present(ana, "[]")))
                                .when()
                                .post("/groups/" + group + "/sessions")
                                .then()
                                .statusCode(403)
                                .extract()
                                .jsonPath()));
        assertEquals(
                "already-a-member",
                slug(
                        as("associate1")
                                .body("{\"clientId\":\"" + ana + "\"}")
                                .when()
                                .post("/groups/" + group + "/members")
                                .then()
                                .statusCode(409)
                                .extract()
                                .jsonPath()));
        as("associate1")
                .body("{\"clientId\":\"" + UUID.randomUUID() + "\"}")
                .when()
                .post("/groups/" + group + "/members")
                .then()
                .statusCode(404);
        as("supervisor1")
                .body("{\"name\":\"Skills\",\"facilitator\":\"nobody-on-record\"}")
                .when()
                .post("/groups")
                .then()
                .statusCode(404);
        assertEquals(before, Rows.count(db, "select count(*) from event_store"));

        as("associate1")
                .when()
                .delete("/groups/" + group + "/members/" + ben)
                .then()
                .statusCode(200)
                .body("members.size()", equalTo(1));
        // Off the roster, Ben is no longer the facilitator's to reach.
        as("associate1")
                .when()
                .delete("/groups/" + group + "/members/" + ben)
                .then()
                .statusCode(403);
    }
}
