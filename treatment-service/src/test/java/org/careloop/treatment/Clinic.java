package org.careloop.treatment;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import javax.sql.DataSource;
import org.careloop.contracts.intake.ClientRegistered;
import org.careloop.platform.testing.KafkaProbe;
import org.careloop.platform.testing.Rows;
import org.careloop.platform.testing.Tokens;

/**
 * The clinic a treatment test works in: staff credentials recorded, a client registered at intake
 * (by its event on the real broker) with associate1 as PRIMARY clinician.
 */
public final class Clinic {

    private Clinic() {}

    public static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON);
    }

    /** supervisor1 and clinician1 licensed, associate1 under supervisor1. */
    public static void staff() {
        credential("supervisor1", "Dr. Morgan Lee", "PSYCHOLOGIST", true, null, "1245319599");
        credential("clinician1", "Dana Okafor", "LCSW", true, null, "1234567893");
        credential("associate1", "Sam Rivera", "ASSOCIATE", false, "supervisor1", "1982746541");
    }

    static void credential(
            String username,
            String name,
            String credential,
            boolean licensed,
            String supervisor,
            String npi) {
        as("supervisor1")
                .body(
                        "{\"displayName\":\""
                                + name
                                + "\",\"credential\":\""
                                + credential
                                + "\",\"licensed\":"
                                + licensed
                                + (supervisor == null
                                        ? ""
                                        : ",\"supervisor\":\"" + supervisor + "\"")
                                + ",\"npi\":\""
                                + npi
                                + "\"}")
                .when()
                .put("/staff/" + username)
                .then()
                .statusCode(200);
    }

    /** A client intake registered, known here once its event has arrived. */
    public static UUID client(DataSource db, String firstName) {
        UUID clientId = UUID.randomUUID();
        KafkaProbe.publish(
                new ClientRegistered(
                        clientId,
                        firstName,
                        "Treatment",
                        null,
                        null,
                        LocalDate.of(1988, 4, 2),
                        null,
                        null,
                        "en",
                        Instant.now(),
                        "intake1"),
                UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                Rows.count(
                                                db,
                                                "select count(*) from client_directory where client_id = '"
                                                        + clientId
                                                        + "'")
                                        == 1);
        return clientId;
    }

    public static void assign(UUID clientId, String clinician, String role) {
        as("supervisor1")
                .body("{\"clinician\":\"" + clinician + "\",\"role\":\"" + role + "\"}")
                .when()
                .post("/clients/" + clientId + "/care-team")
                .then()
                .statusCode(200);
    }

    /** A plan with one measured goal, "PHQ-9 below {@code below}", and one objective, 1.1.1. */
    public static String plan(int below, String responsible) {
        return """
                {"diagnoses":[{"code":"F33.1","description":"Major depressive disorder, recurrent, moderate"},
                              {"code":"F41.1","description":"Generalized anxiety disorder"}],
                 "levelOfCare":"OUTPATIENT",
                 "problems":[{"statement":"Low mood most days; withdrawn from friends",
                   "goals":[{"statement":"Mood lifts to the mild range","measure":{"instrument":"PHQ-9","below":%d},
                     "targetDate":"2027-03-01",
                     "objectives":[{"statement":"Schedules three pleasant activities a week",
                       "interventions":[{"description":"Behavioural activation","modality":"CBT",
                                         "frequency":"weekly","responsibleClinician":"%s"}]}]}]}],
                 "dischargeCriteria":"PHQ-9 below 10 at two visits a month apart"}"""
                .formatted(below, responsible);
    }

    public static String session(String type, Instant start, int minutes, String objectives) {
        return """
                {"type":"%s","startedAt":"%s","endedAt":"%s","modality":"VIDEO","clientLocation":"HOME",
                 "interactiveComplexity":false,
                 "note":{"format":"DAP","data":"Reports sleeping better; two activities done.",
                         "assessment":"Engaged; mood improving.","plan":"Continue weekly CBT."},
                 "objectivesAddressed":%s,"riskReviewed":true}"""
                .formatted(type, start, start.plus(Duration.ofMinutes(minutes)), objectives);
    }
}
