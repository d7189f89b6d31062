package org.careloop.treatment.client;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.careloop.contracts.Topics;
import org.careloop.contracts.intake.ClientRegistered;
import org.careloop.platform.messaging.CloudEventHeaders;
import org.careloop.platform.testing.KafkaProbe;
import org.careloop.platform.testing.Rows;
import org.careloop.platform.testing.Tokens;
import org.careloop.treatment.Clinic;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * While the service's database is down, events wait for it rather than being dead-lettered, and
 * requests get a 503.
 */
@QuarkusTest
class DatabaseOutageTest {

    @Inject AgroalDataSource db;

    @Test
    void anEventArrivingDuringADatabaseOutageIsAppliedOnceTheDatabaseIsBack() throws Exception {
        UUID clientId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        duringAnOutage(
                () -> {
                    KafkaProbe.publish(registered(clientId, "Outage"), eventId);
                    // Longer than all the retries the inbox grants a failure it blames on the event
                    // itself (about 3 s).
                    await().during(Duration.ofSeconds(8))
                            .atMost(Duration.ofSeconds(20))
                            .pollInterval(Duration.ofSeconds(2))
                            .until(() -> deadLettered(eventId).isEmpty());
                });

        awaitClient(clientId);
        given().auth()
                .oauth2(Tokens.of("clinician1"))
                .when()
                .get("/clients/" + clientId)
                .then()
                .statusCode(200)
                .body("firstName", equalTo("Outage"));
        assertTrue(deadLettered(eventId).isEmpty(), "the event must not also be dead-lettered");
    }

    @Test
    void aRequestDuringADatabaseOutageIsA503TheCallerMayRetry() throws Exception {
        UUID clientId = UUID.randomUUID();
        KafkaProbe.publish(registered(clientId, "Retry"), UUID.randomUUID());
        awaitClient(clientId);
        String token = Tokens.of("clinician1");

        duringAnOutage(
                () ->
                        given().auth()
                                .oauth2(token)
                                .when()
                                .get("/clients/" + clientId)
                                .then()
                                .statusCode(503)
                                .contentType("application/problem+json")
                                .header("Retry-After", "5")
                                .body("type", equalTo("urn:careloop:problem:service-unavailable"))
                                .body("instance", equalTo("/api/treatment/clients/" + clientId)));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                given().auth()
                                        .oauth2(token)
                                        .when()
                                        .get("/clients/" + clientId)
                                        .then()
                                        .statusCode(200)
                                        .body("firstName", equalTo("Retry")));
    }

    interface Step {
        void run() throws Exception;
    }

    /**
     * From the server's maintenance database: the service's own database is closed to new
     * connections and every existing one is cut, for as long as the step runs.
     */
    private void duringAnOutage(Step step) throws Exception {
        String database = ConfigProvider.getConfig().getValue("careloop.db.name", String.class);
        try (Connection admin = maintenanceConnection();
                Statement sql = admin.createStatement()) {
            try {
                sql.execute("alter database " + database + " allow_connections false");
                sql.execute(
                        "select pg_terminate_backend(pid) from pg_stat_activity where datname = '"
                                + database
                                + "'");
                step.run();
            } finally {
                sql.execute("alter database " + database + " allow_connections true");
                db.flush(AgroalDataSource.FlushMode.ALL);
            }
        }
    }

    private static Connection maintenanceConnection() throws SQLException {
        Config config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        return DriverManager.getConnection(
                url.substring(0, url.lastIndexOf('/') + 1) + "postgres",
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    private static ClientRegistered registered(UUID clientId, String firstName) {
        return new ClientRegistered(
                clientId,
                firstName,
                "Test",
                null,
                null,
                LocalDate.of(1990, 3, 4),
                null,
                null,
                "en",
                Instant.parse("2026-11-22T10:00:00Z"),
                "intake1");
    }

    private static List<?> deadLettered(UUID eventId) {
        return KafkaProbe.records(Topics.deadLetters("treatment-service")).stream()
                .filter(r -> eventId.toString().equals(KafkaProbe.header(r, CloudEventHeaders.ID)))
                .toList();
    }

    /** Waits for the client to reach the directory, then makes them clinician1's client. */
    private void awaitClient(UUID clientId) {
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                Rows.count(
                                                db,
                                                "select count(*) from client_directory where client_id = '"
                                                        + clientId
                                                        + "'")
                                        == 1);
        Clinic.staff();
        Clinic.assign(clientId, "clinician1", "PRESCRIBER");
    }
}
