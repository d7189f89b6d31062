package org.careloop.treatment.access;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careloop.contracts.Topics;
import org.careloop.platform.testing.KafkaProbe;
import org.careloop.platform.testing.Rows;
import org.careloop.platform.testing.Tokens;
import org.careloop.treatment.Clinic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Treatment's side of the platform's access check: a clinician reaches a client through the care
 * team (or as a care team member's supervisor), nobody else without breaking the glass; every
 * attempt is audited and the audit chain holds.
 */
@QuarkusTest
class ClientAccessTest {

    @Inject DataSource db;

    UUID clientId;
    String plan;

    @BeforeEach
    void aClientOfAssociate1() {
        Clinic.staff();
        clientId = Clinic.client(db, "Guarded");
        Clinic.assign(clientId, "associate1", "PRIMARY");
        plan =
                Clinic.as("associate1")
                        .body(Clinic.plan(10, "associate1"))
                        .post("/clients/" + clientId + "/plans")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("planId");
    }

    @Test
    void theCareTeamAndItsSupervisorAreLetInAnUnrelatedClinicianIsRefusedAndAudited()
            throws Exception {
        Clinic.as("associate1").get("/clients/" + clientId + "/plans").then().statusCode(200);
        // supervisor1 supervises associate1, the client's PRIMARY.
        Clinic.as("supervisor1").get("/plans/" + plan).then().statusCode(200);

        Clinic.as("clinician2")
                .get("/plans/" + plan)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:careloop:problem:no-care-relationship"));
        // The same refusal for a client that does not exist: a refusal tells nothing.
        Clinic.as("clinician2")
                .get("/clients/" + UUID.randomUUID() + "/plans")
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:careloop:problem:no-care-relationship"));

        assertEquals(
                1,
                Rows.count(
                        db,
                        "select count(*) from audit_record where client_id = '"
                                + clientId
                                + "' and username = 'clinician2' and outcome = 'REFUSED'"
                                + " and route = '/plans/{planId}' and basis = 'NONE'"));
        assertEquals(
                1,
                Rows.count(
                        db,
                        "select count(*) from audit_record where client_id = '"
                                + clientId
                                + "' and username = 'supervisor1' and outcome = 'ALLOWED'"
                                + " and basis = 'SUPERVISION' and purpose = 'TREATMENT'"));
    }

    @Test
    void breakingTheGlassLetsTheClinicianInForAWhileAuditedAsEmergencyAndPublished()
            throws Exception {
        Clinic.as("clinician2").get("/plans/" + plan).then().statusCode(403);
        Clinic.as("clinician2")
                .body("{\"reason\":\"short\"}")
                .post("/clients/" + clientId + "/emergency-access")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"));

        Instant before = Instant.now();
        String grant =
                Clinic.as("clinician2")
                        .body("{\"reason\":\"Client in crisis at the front desk; PRIMARY away\"}")
                        .post("/clients/" + clientId + "/emergency-access")
                        .then()
                        .statusCode(201)
                        .body("username", equalTo("clinician2"))
                        .extract()
                        .path("grantId");
        Clinic.as("clinician2").get("/plans/" + plan).then().statusCode(200);
        assertEquals(
                1,
                Rows.count(
                        db,
                        "select count(*) from audit_record where username = 'clinician2'"
                                + " and outcome = 'EMERGENCY' and purpose = 'EMERGENCY_TREATMENT'"
                                + " and route = '/plans/{planId}'"));
        assertEquals(
                1,
                Rows.count(
                        db,
                        "select count(*) from access_emergency where grant_id = '"
                                + grant
                                + "' and expires_at - granted_at = interval '60 minutes'"
                                + " and granted_at >= '"
                                + before.minusSeconds(1)
                                + "'"));

        ConsumerRecord<String, String> published =
                KafkaProbe.await(
                        Topics.ACCESS, r -> r.value().contains(grant), Duration.ofSeconds(15));
        assertEquals(
                "careloop.access.EmergencyAccessGranted.v1",
                KafkaProbe.header(published, "ce_type"));

        // A supervisor other than the holder reviews it, once.
        given().auth()
                .oauth2(Tokens.of("supervisor1"))
                .queryParam("reviewed", "false")
                .get("/emergency-access")
                .then()
                .statusCode(200)
                .body(
                        "find { it.grantId == '" + grant + "' }.reason",
                        equalTo("Client in crisis at the front desk; PRIMARY away"));
        Clinic.as("supervisor1")
                .body("{\"finding\":\"JUSTIFIED\"}")
                .post("/emergency-access/" + grant + "/review")
                .then()
                .statusCode(200)
                .body("review.reviewedBy", equalTo("supervisor1"));
        Clinic.as("supervisor1")
                .body("{\"finding\":\"JUSTIFIED\"}")
                .post("/emergency-access/" + grant + "/review")
                .then()
                .statusCode(409);
    }

    @Test
    void theAuditChainVerifiesAndAChangedRecordBreaksIt() throws Exception {
        Clinic.as("clinician2").get("/plans/" + plan).then().statusCode(403);
        await().atMost(Duration.ofSeconds(15))
                .until(
                        () ->
                                Rows.count(
                                                db,
                                                "select count(*) from audit_record where chain_position is null"
                                                        + " or published_at is null")
                                        == 0);
        given().auth()
                .oauth2(Tokens.of("privacy1"))
                .get("/audit/verification")
                .then()
                .statusCode(200)
                .body("intact", equalTo(true));
        KafkaProbe.await(
                Topics.AUDIT,
                r -> r.value().contains("\"Patient/" + clientId + "\""),
                Duration.ofSeconds(15));

        long id =
                Rows.count(
                        db,
                        "select max(id) from audit_record where username = 'clinician2'"
                                + " and outcome = 'REFUSED'");
        try (Connection connection = db.getConnection();
                Statement statement = connection.createStatement()) {
            // The trigger keeps the services (and anyone but the table's owner) from changing it.
            SQLException refused =
                    org.junit.jupiter.api.Assertions.assertThrows(
                            SQLException.class,
                            () ->
                                    statement.execute(
                                            "update audit_record set outcome = 'ALLOWED' where id = "
                                                    + id));
            assertTrue(refused.getMessage().contains("append-only"));
        }
        tamper("update audit_record set outcome = 'ALLOWED' where id = " + id);
        try {
            given().auth()
                    .oauth2(Tokens.of("privacy1"))
                    .get("/audit/verification")
                    .then()
                    .statusCode(200)
                    .body("intact", equalTo(false))
                    .body("recordId", equalTo((int) id))
                    .body("problem", equalTo("the record's content does not match its hash"));
        } finally {
            tamper("update audit_record set outcome = 'REFUSED' where id = " + id);
        }
        given().auth()
                .oauth2(Tokens.of("privacy1"))
                .get("/audit/verification")
                .then()
                .statusCode(200)
                .body("intact", equalTo(true));
    }

    private void tamper(String sql) throws SQLException {
        try (Connection connection = db.getConnection();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("alter table audit_record disable trigger audit_record_append_only");
            statement.execute(sql);
            statement.execute("alter table audit_record enable trigger audit_record_append_only");
            connection.commit();
        }
    }
}
