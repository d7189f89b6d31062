package org.careloop.treatment.client;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

import org.careloop.contracts.Topics;
import org.careloop.contracts.intake.ClientRegistered;
import org.careloop.platform.messaging.CloudEventHeaders;
import org.careloop.platform.testing.KafkaProbe;
import org.careloop.platform.testing.Tokens;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** An event that arrives while the database is down waits for it, rather than being dead-lettered and lost. */
@QuarkusTest
class DatabaseOutageTest {

    @Inject
    AgroalDataSource db;

    @Test
    void anEventArrivingDuringADatabaseOutageIsAppliedOnceTheDatabaseIsBack() throws Exception {
        UUID clientId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        // From the server's maintenance database: the service's own is cut off, every connection dropped and none
        // accepted until the outage ends.
        try (Connection admin = maintenanceConnection(); Statement sql = admin.createStatement()) {
            String database = serviceDatabase();
            try {
                sql.execute("alter database " + database + " allow_connections false");
                sql.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "'");

                KafkaProbe.publish(new ClientRegistered(clientId, "Outage", "Test", null, null,
                        LocalDate.of(1990, 3, 4), null, null, "en", Instant.parse("2026-11-22T10:00:00Z"), "intake1"),
                        eventId);
                // Longer than all the retries the inbox grants a failure it blames on the event itself (about 3 s).
                await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(2))
                        .until(() -> deadLettered(eventId).isEmpty());
            } finally {
                sql.execute("alter database " + database + " allow_connections true");
                db.flush(AgroalDataSource.FlushMode.ALL);
            }
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.of("clinician1"))
                .when().get("/clients/" + clientId).then().statusCode(200).body("firstName", equalTo("Outage")));
        assertTrue(deadLettered(eventId).isEmpty(), "the event must not also be dead-lettered");
    }

    private static String serviceDatabase() {
        return ConfigProvider.getConfig().getValue("careloop.db.name", String.class);
    }

    private static Connection maintenanceConnection() throws SQLException {
        Config config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        return DriverManager.getConnection(url.substring(0, url.lastIndexOf('/') + 1) + "postgres",
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    private static List<?> deadLettered(UUID eventId) {
        return KafkaProbe.records(Topics.deadLetters("treatment-service")).stream()
                .filter(r -> eventId.toString().equals(KafkaProbe.header(r, CloudEventHeaders.ID)))
                .toList();
    }
}
