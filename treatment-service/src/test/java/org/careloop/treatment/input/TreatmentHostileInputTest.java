package org.careloop.treatment.input;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.careloop.contracts.intake.ClientRegistered;
import org.careloop.platform.testing.HostileInputTest;
import org.careloop.platform.testing.KafkaProbe;
import org.careloop.platform.testing.Rows;
import org.careloop.platform.testing.Tokens;

/**
 * treatment-service takes no request bodies yet: its routes, ids and methods are what is probed,
 * {@code /clients/{clientId}} and {@code /clients/{clientId}/outcomes} with a client known here.
 */
@QuarkusTest
class TreatmentHostileInputTest extends HostileInputTest {

    private static UUID knownClient;

    @Inject DataSource db;

    @Override
    protected List<Example> examples() {
        return List.of();
    }

    @Override
    protected Map<String, String> pathValues() {
        return Map.of("name", "clients", "clientId", knownClient().toString());
    }

    private static synchronized UUID knownClient() {
        if (knownClient == null) {
            UUID clientId = UUID.randomUUID();
            KafkaProbe.publish(
                    new ClientRegistered(
                            clientId,
                            "Hostile",
                            "Probe",
                            null,
                            null,
                            LocalDate.of(1990, 1, 1),
                            null,
                            null,
                            "en",
                            Instant.parse("2026-11-22T10:00:00Z"),
                            "intake1"),
                    UUID.randomUUID());
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(
                            () ->
                                    given().auth()
                                            .oauth2(Tokens.of("clinician1"))
                                            .when()
                                            .get("/clients/" + clientId + "/outcomes")
                                            .then()
                                            .statusCode(200));
            knownClient = clientId;
        }
        return knownClient;
    }

    @Override
    protected String userFor(String method, String path) {
        return path.startsWith("/admin") ? "admin1" : "clinician1";
    }

    @Override
    protected long storedRows() throws Exception {
        return Rows.count(
                db, "select (select count(*) from event_store) + (select count(*) from outbox)");
    }
}
