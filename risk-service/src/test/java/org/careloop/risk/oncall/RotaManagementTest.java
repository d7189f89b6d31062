package org.careloop.risk.oncall;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.careloop.platform.testing.Rows;
import org.careloop.platform.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Supervisors read the rota over a range with its gaps, and end, replace and swap shifts. */
@QuarkusTest
class RotaManagementTest {

    @Inject DataSource db;

    /** The shifts this test put on the rota, taken off again after it. */
    final List<String> shifts = new ArrayList<>();

    /** Clinicians of this run only, so that no other test's shift makes one hold two tiers. */
    final String alice = "rota-alice-" + UUID.randomUUID().toString().substring(0, 8);

    final String bob = "rota-bob-" + UUID.randomUUID().toString().substring(0, 8);
    final String carol = "rota-carol-" + UUID.randomUUID().toString().substring(0, 8);

    /** A day of its own far ahead (between 40 and 190 days), which no other test schedules. */
    final Instant day =
            Instant.now()
                    .truncatedTo(ChronoUnit.DAYS)
                    .plus(40 + ThreadLocalRandom.current().nextInt(0, 150), ChronoUnit.DAYS);

    @AfterEach
    void takeTheShiftsOff() {
        for (String shiftId : shifts) {
            given().auth()
                    .oauth2(Tokens.of("supervisor1"))
                    .when()
                    .delete("/on-call/shifts/" + shiftId);
        }
    }

    @Test
    void aRangeListsItsShiftsByStartThenTierAndTheGapsOfEachTier() {
        String night = schedule(bob, "PRIMARY", day.plus(hours(16)), day.plus(hours(24)));
        String today = schedule(alice, "PRIMARY", day.plus(hours(8)), day.plus(hours(16)));
        String backup = schedule(carol, "BACKUP", day.plus(hours(8)), day.plus(hours(12)));

        rota(day.plus(hours(8)), day.plus(hours(24)), "supervisor1")
                .body("from", equalTo(day.plus(hours(8)).toString()))
                .body("to", equalTo(day.plus(hours(24)).toString()))
                .body("shifts.shiftId", contains(today, backup, night))
                .body("shifts.clinician", contains(alice, carol, bob))
                // PRIMARY is covered without a gap: the night shift starts when the day shift ends.
                .body("gaps.tier", contains("BACKUP", "SUPERVISOR"))
                .body("gaps[0].from", equalTo(day.plus(hours(12)).toString()))
                .body("gaps[0].to", equalTo(day.plus(hours(24)).toString()))
                .body("gaps[1].from", equalTo(day.plus(hours(8)).toString()));
        // Every clinical role sees the rota.
        rota(day, day.plus(hours(24)), "oncall1").body("shifts.shiftId", hasItem(night));
    }

    @Test
    void
            aRangeDefaultsToTheNextSevenDaysAndBadOrReversedOrLongRangesAreRefusedNamingTheParameter() {
        ValidatableResponse nextWeek =
                given().auth()
                        .oauth2(Tokens.of("clinician1"))
                        .when()
                        .get("/on-call/shifts")
                        .then()
                        .statusCode(200);
        Instant from = Instant.parse(nextWeek.extract().path("from"));
        assertEquals(from.plus(Duration.ofDays(7)), Instant.parse(nextWeek.extract().path("to")));
        assertTrue(Duration.between(from, Instant.now()).abs().toMinutes() < 1, from.toString());
        refusedRange("from=yesterday", "from");
        refusedRange("from=" + day + "&to=2026-13-01T00:00:00Z", "to");
        refusedRange("from=" + day + "&to=" + day, "to");
        refusedRange("from=" + day + "&to=" + day.minus(hours(1)), "to");
        refusedRange("from=" + day + "&to=" + day.plus(Duration.ofDays(32)), "to");
        refusedRange("from=-999999999-01-01T00:00:00Z", "from");
        given().auth()
                .oauth2(Tokens.of("billing1"))
                .when()
                .get("/on-call/shifts")
                .then()
                .statusCode(403);
    }

    @Test
    void aShiftUnderWayEndsNowOnceAndItsStreamSaysWhoEndedIt() throws SQLException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String shiftId = schedule(alice, "SUPERVISOR", now.minus(hours(1)), now.plus(hours(4)));

        Instant endsAt =
                Instant.parse(
                        post("/on-call/shifts/" + shiftId + "/end", "{}", "supervisor1")
                                .statusCode(200)
                                .body("clinician", equalTo(alice))
                                .extract()
                                .path("endsAt"));

        assertTrue(
                !endsAt.isBefore(now) && endsAt.isBefore(now.plus(Duration.ofMinutes(1))),
                endsAt.toString());
        given().auth()
                .oauth2(Tokens.of("oncall1"))
                .when()
                .get("/on-call/now")
                .then()
                .statusCode(200)
                .body("shiftId", not(hasItem(shiftId)));
        post("/on-call/shifts/" + shiftId + "/end", "{}", "supervisor1")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("errors.field", contains("shiftId"));
        post("/on-call/shifts/" + UUID.randomUUID() + "/end", "{}", "supervisor1").statusCode(404);
        post("/on-call/shifts/" + shiftId + "/end", "{}", "oncall1").statusCode(403);
        String history = history(shiftId);
        assertTrue(history.contains("risk.oncall.ShiftEnded|supervisor1"), history);
        assertTrue(history.contains("\"endedBy\":\"supervisor1\""), history);
    }

    @Test
    void anEndOutsideTheShiftOrLongPastIsRefusedNamingEndsAt() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String shiftId = schedule(alice, "SUPERVISOR", now.minus(hours(1)), now.plus(hours(4)));

        for (Instant wrong :
                List.of(
                        now.plus(hours(4)),
                        now.plus(hours(5)),
                        now.minus(Duration.ofMinutes(10)))) {
            post(
                            "/on-call/shifts/" + shiftId + "/end",
                            "{\"endsAt\":\"" + wrong + "\"}",
                            "supervisor1")
                    .statusCode(400)
                    .body("errors.field", contains("endsAt"));
        }
        post(
                        "/on-call/shifts/" + shiftId + "/end",
                        "{\"endsAt\":\"" + now.plus(hours(2)) + "\"}",
                        "admin1")
                .statusCode(200)
                .body("endsAt", equalTo(now.plus(hours(2)).toString()));
    }

    @Test
    void aReplacementHoldsTheShiftUnlessTheyHoldAnotherTierThen() throws SQLException {
        String primary = schedule(alice, "PRIMARY", day.plus(hours(8)), day.plus(hours(16)));
        schedule(bob, "BACKUP", day.plus(hours(12)), day.plus(hours(20)));

        post(replacement(primary), "{\"clinician\":\"" + bob + "\"}", "supervisor1")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("errors.field", contains("clinician"));
        post(replacement(primary), "{\"clinician\":\"" + alice + "\"}", "supervisor1")
                .statusCode(409)
                .body("errors.field", contains("clinician"));

        post(replacement(primary), "{\"clinician\":\"" + carol + "\"}", "supervisor1")
                .statusCode(200)
                .body("clinician", equalTo(carol));

        rota(day, day.plus(hours(24)), "supervisor1")
                .body("shifts.find { it.shiftId == '" + primary + "' }.clinician", equalTo(carol));
        String history = history(primary);
        assertTrue(history.contains("risk.oncall.ShiftReassigned|supervisor1"), history);
        assertTrue(history.contains("\"from\":\"" + alice + "\""), history);
        assertTrue(history.contains("\"to\":\"" + carol + "\""), history);
        post(replacement(UUID.randomUUID().toString()), "{\"clinician\":\"x\"}", "supervisor1")
                .statusCode(404);
    }

    @Test
    void twoShiftsSwapClinciansAndBothStreamsSaySo() throws SQLException {
        String today = schedule(alice, "PRIMARY", day.plus(hours(8)), day.plus(hours(16)));
        String tonight = schedule(bob, "PRIMARY", day.plus(hours(16)), day.plus(hours(24)));

        post(swap(today, tonight), "supervisor1")
                .statusCode(200)
                .body("shiftId", contains(today, tonight))
                .body("clinician", contains(bob, alice));

        rota(day, day.plus(hours(24)), "supervisor1")
                .body("shifts.clinician", contains(bob, alice));
        for (String shiftId : List.of(today, tonight)) {
            String history = history(shiftId);
            assertTrue(history.contains("risk.oncall.ShiftsSwapped|supervisor1"), history);
        }
        assertTrue(history(today).contains("\"otherShiftId\":\"" + tonight + "\""));
    }

    @Test
    void aSwapWithItselfTheSameClinicianOrIntoTwoTiersAtOnceIsRefusedNamingTheField() {
        String today = schedule(alice, "PRIMARY", day.plus(hours(8)), day.plus(hours(16)));
        String tonight = schedule(alice, "PRIMARY", day.plus(hours(16)), day.plus(hours(24)));
        String bobsTonight = schedule(bob, "BACKUP", day.plus(hours(16)), day.plus(hours(24)));
        String carolsDay = schedule(carol, "BACKUP", day.plus(hours(8)), day.plus(hours(16)));

        post(swap(today, today), "supervisor1")
                .statusCode(400)
                .body("errors.field", contains("otherShiftId"));
        post(swap(today, tonight), "supervisor1")
                .statusCode(409)
                .body("errors.field", contains("otherShiftId"));
        // Bob would be PRIMARY in the day and BACKUP at night: fine. But Alice would hold BACKUP
        // tonight while she is PRIMARY tonight.
        post(swap(today, bobsTonight), "supervisor1")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("errors.field", contains("otherShiftId"));
        post(swap(today, UUID.randomUUID().toString()), "supervisor1").statusCode(404);
        post(
                        "/on-call/swaps",
                        "{\"shiftId\":\"" + today + "\",\"otherShiftId\":\"1-2-3-4-5\"}",
                        "supervisor1")
                .statusCode(400)
                .body("errors.field", contains("otherShiftId"));
        post(swap(today, carolsDay), "oncall1").statusCode(403);
        rota(day, day.plus(hours(24)), "supervisor1")
                .body("shifts.clinician", contains(alice, carol, alice, bob));
    }

    @Test
    void schedulingAClinicianForASecondTierAtOnceIsRefusedNamingTheClinician() {
        schedule(alice, "PRIMARY", day.plus(hours(8)), day.plus(hours(16)));

        given().auth()
                .oauth2(Tokens.of("supervisor1"))
                .contentType(ContentType.JSON)
                .body(shift(alice, "BACKUP", day.plus(hours(15)), day.plus(hours(20))))
                .when()
                .post("/on-call/shifts")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("errors.field", contains("clinician"));
    }

    private String schedule(String clinician, String tier, Instant startsAt, Instant endsAt) {
        String shiftId =
                given().auth()
                        .oauth2(Tokens.of("supervisor1"))
                        .contentType(ContentType.JSON)
                        .body(shift(clinician, tier, startsAt, endsAt))
                        .when()
                        .post("/on-call/shifts")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("shiftId");
        shifts.add(shiftId);
        return shiftId;
    }

    private static String shift(String clinician, String tier, Instant startsAt, Instant endsAt) {
        return "{\"clinician\":\"%s\",\"tier\":\"%s\",\"startsAt\":\"%s\",\"endsAt\":\"%s\"}"
                .formatted(clinician, tier, startsAt, endsAt);
    }

    private static ValidatableResponse rota(Instant from, Instant to, String user) {
        return given().auth()
                .oauth2(Tokens.of(user))
                .queryParam("from", from.toString())
                .queryParam("to", to.toString())
                .when()
                .get("/on-call/shifts")
                .then()
                .statusCode(200);
    }

    private static void refusedRange(String query, String field) {
        given().auth()
                .oauth2(Tokens.of("supervisor1"))
                .urlEncodingEnabled(true)
                .when()
                .get("/on-call/shifts?" + query)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains(field));
    }

    private static ValidatableResponse post(String path, String body, String user) {
        return given().auth()
                .oauth2(Tokens.of(user))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(path)
                .then();
    }

    private static ValidatableResponse post(String[] swap, String user) {
        return post(swap[0], swap[1], user);
    }

    private static String[] swap(String shiftId, String otherShiftId) {
        return new String[] {
            "/on-call/swaps",
            "{\"shiftId\":\"" + shiftId + "\",\"otherShiftId\":\"" + otherShiftId + "\"}"
        };
    }

    private static String replacement(String shiftId) {
        return "/on-call/shifts/" + shiftId + "/replacement";
    }

    /** The shift's stream: type, actor and payload of each event. */
    private String history(String shiftId) throws SQLException {
        return Rows.dump(
                db,
                "(select stream_id, version, event_type, actor, payload from event_store) e",
                "stream_id = '" + shiftId + "'",
                "version");
    }

    private static Duration hours(long hours) {
        return Duration.ofHours(hours);
    }
}
