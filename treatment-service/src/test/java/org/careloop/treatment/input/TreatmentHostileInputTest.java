package org.careloop.treatment.input;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.careloop.platform.testing.HostileInputTest;
import org.careloop.platform.testing.Rows;

/**
 * treatment-service takes no request bodies yet: its routes, ids and methods are what is probed.
 */
@QuarkusTest
class TreatmentHostileInputTest extends HostileInputTest {

    @Inject DataSource db;

    @Override
    protected List<Example> examples() {
        return List.of();
    }

    @Override
    protected Map<String, String> pathValues() {
        return Map.of("name", "clients");
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
