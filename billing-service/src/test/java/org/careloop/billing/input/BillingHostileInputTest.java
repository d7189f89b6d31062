package org.careloop.billing.input;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.careloop.billing.session.Treatment;
import org.careloop.platform.testing.HostileInputTest;
import org.careloop.platform.testing.Rows;

/**
 * billing-service takes no request bodies yet: its routes, ids and methods are what is probed, with
 * a client and a delivered session that exist.
 */
@QuarkusTest
class BillingHostileInputTest extends HostileInputTest {

    @Inject DataSource db;

    @Override
    protected List<Example> examples() {
        return List.of(
                new Example(
                        "POST",
                        "/clients/{clientId}/emergency-access",
                        "{\"reason\":\"Client in crisis at the front desk; PRIMARY away\"}"));
    }

    private Map<String, String> values;

    @Override
    protected Map<String, String> pathValues() throws Exception {
        if (values == null) {
            UUID clientId = Treatment.registered();
            UUID sessionId = Treatment.document(clientId, "clinician1", null, Duration.ofDays(1));
            Treatment.awaitSession(sessionId);
            values =
                    Map.of(
                            "name",
                            "clients",
                            "clientId",
                            clientId.toString(),
                            "sessionId",
                            sessionId.toString());
        }
        return values;
    }

    @Override
    protected String userFor(String method, String path) {
        if (path.startsWith("/audit")) {
            return "privacy1";
        }
        if (path.endsWith("/emergency-access")) {
            return "supervisor1";
        }
        return path.startsWith("/admin") ? "admin1" : "billing1";
    }

    @Override
    protected long storedRows() throws Exception {
        return Rows.count(
                db,
                "select (select count(*) from event_store) + (select count(*) from outbox)"
                        + " + (select count(*) from access_emergency)");
    }
}
