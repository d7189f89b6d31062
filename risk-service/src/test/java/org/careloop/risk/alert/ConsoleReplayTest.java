package org.careloop.risk.alert;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.careloop.contracts.codec.EventJson;
import org.careloop.platform.testing.SseListener;
import org.careloop.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * A console's stream is the stored steps in commit order: it is sent what it missed while away,
 * each step once, and hears of steps whichever instance took them.
 */
@QuarkusTest
class ConsoleReplayTest {

    @TestHTTPResource("/alerts/stream")
    URL stream;

    @Inject DataSource db;

    @Test
    void aConsoleThatReconnectsIsSentWhatItMissedThenTheLiveStepsEachOnce() throws Exception {
        String before;
        try (SseListener console = new SseListener(stream.toString(), Tokens.of("supervisor1"))) {
            before = console.awaitConnected(10_000);
        }
        UUID clientId = UUID.randomUUID();
        UUID alertId = Screening.raisesAnAlert(clientId, "Ines", "Away", "+1 555 0190");

        String raisedId;
        try (SseListener back =
                new SseListener(stream.toString(), Tokens.of("supervisor1"), before)) {
            assertEquals(before, back.awaitConnected(10_000));
            SseListener.Event raised = back.nextEvent(step -> of(step, alertId), 10_000);
            assertEquals("RAISED", raised.data().get("kind").asText());
            assertTrue(Long.parseLong(raised.id()) > Long.parseLong(before));
            raisedId = raised.id();

            acknowledge(alertId);
            SseListener.Event acknowledged = back.nextEvent(step -> of(step, alertId), 10_000);
            assertEquals("ACKNOWLEDGED", acknowledged.data().get("kind").asText());
            assertTrue(Long.parseLong(acknowledged.id()) > Long.parseLong(raisedId));
        }

        try (SseListener again =
                new SseListener(stream.toString(), Tokens.of("supervisor1"), raisedId)) {
            // Only what came after the raising: the acknowledgement, not the raising again.
            assertEquals(
                    "ACKNOWLEDGED",
                    again.next(step -> of(step, alertId), 10_000).get("kind").asText());
        }
    }

    @Test
    void aStepAnotherInstanceStoredReachesThisInstancesConsoles() throws Exception {
        try (SseListener console = new SseListener(stream.toString(), Tokens.of("oncall2"))) {
            console.awaitConnected(10_000);
            UUID alertId = UUID.randomUUID();

            long position = storeStep(alertId, "oncall2");

            SseListener.Event step = console.nextEvent(e -> of(e, alertId), 10_000);
            assertEquals(Long.toString(position), step.id());
            assertEquals("ESCALATED", step.data().get("kind").asText());
            assertEquals(false, step.data().get("informational").asBoolean());
        }
    }

    @Test
    void aClinicianIsSentAgainOnlyTheStepsThatReachThem() throws Exception {
        String before;
        try (SseListener console = new SseListener(stream.toString(), Tokens.of("clinician2"))) {
            before = console.awaitConnected(10_000);
        }
        UUID someoneElses = UUID.randomUUID();
        UUID theirs = UUID.randomUUID();
        storeStep(someoneElses, "oncall1");
        long position = storeStep(theirs, "clinician2");

        try (SseListener back =
                new SseListener(stream.toString(), Tokens.of("clinician2"), before)) {
            SseListener.Event first = back.nextEvent(e -> true, 10_000);
            assertEquals(theirs.toString(), first.data().get("alertId").asText());
            assertEquals(Long.toString(position), first.id());
        }
    }

    @Test
    void aPositionNotYetReachedStartsTheStreamAtTheNewestStep() throws Exception {
        try (SseListener console =
                new SseListener(stream.toString(), Tokens.of("oncall2"), "999999999")) {
            long start = Long.parseLong(console.awaitConnected(10_000));
            assertTrue(start < 999_999_999L);
            UUID alertId = UUID.randomUUID();

            long position = storeStep(alertId, "oncall2");

            assertEquals(
                    Long.toString(position), console.nextEvent(e -> of(e, alertId), 10_000).id());
        }
    }

    @Test
    void aLastEventIdThatIsNoPositionIsABadRequestNamingTheHeader() {
        for (String wrong : new String[] {"abc", "-5", "1.5", "99999999999999999999"}) {
            given().auth()
                    .oauth2(Tokens.of("oncall1"))
                    .header("Last-Event-ID", wrong)
                    .when()
                    .get("/alerts/stream")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("Last-Event-ID"));
        }
    }

    private static boolean of(com.fasterxml.jackson.databind.JsonNode step, UUID alertId) {
        return alertId.toString().equals(step.path("alertId").asText());
    }

    private static void acknowledge(UUID alertId) {
        given().auth()
                .oauth2(Tokens.of("supervisor1"))
                .when()
                .post("/alerts/" + alertId + "/acknowledgements")
                .then()
                .statusCode(200);
    }

    /**
     * Stores a step the way another instance does, in its own transaction; returns its position.
     */
    private long storeStep(UUID alertId, String addressedTo) throws Exception {
        Instant now = Instant.now();
        AlertNotice notice =
                new AlertNotice(
                        "ESCALATED",
                        alertId,
                        UUID.randomUUID(),
                        "Jo Elsewhere",
                        "+1 555 0191",
                        "URGENT",
                        "HIGH",
                        "PHQ-9 screen: ITEM9_POSITIVE",
                        "BACKUP",
                        2,
                        addressedTo,
                        null,
                        false,
                        now,
                        now);
        try (Connection sql = db.getConnection();
                PreparedStatement insert =
                        sql.prepareStatement(
                                """
                with head as (update alert_step_head set position = position + 1 returning position)
                insert into alert_step (position, alert_id, addressed_to, primary_clinician, notice, recorded_at)
                select position, ?, ?, null, ?, now() from head returning position""")) {
            insert.setObject(1, alertId);
            insert.setString(2, addressedTo);
            insert.setString(3, EventJson.mapper().writeValueAsString(notice));
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
