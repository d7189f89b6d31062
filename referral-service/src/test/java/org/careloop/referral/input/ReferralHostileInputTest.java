package org.careloop.referral.input;

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

/**
 * referral-service takes no request bodies yet but breaking the glass: its routes, ids and methods
 * are what is probed.
 */
@QuarkusTest
class ReferralHostileInputTest extends HostileInputTest {

    @Inject DataSource db;

    private Map<String, String> values;

    @Override
    protected List<Example> examples() {
        return List.of(
                new Example(
                        "POST",
                        "/clients/{clientId}/emergency-access",
                        "{\"reason\":\"Client in crisis at the front desk; PRIMARY away\"}"));
    }

    @Override
    protected Map<String, String> pathValues() throws Exception {
        if (values == null) {
            UUID clientId = UUID.randomUUID();
            KafkaProbe.publish(
                    new ClientRegistered(
                            clientId,
                            "Referred",
                            "Test",
                            null,
                            null,
                            LocalDate.of(1985, 6, 1),
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
            values = Map.of("name", "clients", "clientId", clientId.toString());
        }
        return values;
    }

    @Override
    protected String userFor(String method, String path) {
        if (path.startsWith("/audit")) {
            return "privacy1";
        }
        return path.startsWith("/admin") ? "admin1" : "clinician1";
    }

    /** A clinician reaches a client only through a relation; breaking the glass needs none. */
    @Override
    protected int unknownIdStatus(String path, String parameter, String user) {
        return parameter.equals("clientId") && !path.endsWith("/emergency-access") ? 403 : 404;
    }

    @Override
    protected long storedRows() throws Exception {
        return Rows.count(
                db,
                "select (select count(*) from event_store) + (select count(*) from outbox)"
                        + " + (select count(*) from access_emergency)");
    }
}
