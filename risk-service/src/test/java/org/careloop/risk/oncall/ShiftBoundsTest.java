package org.careloop.risk.oncall;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.careloop.platform.testing.Rows;
import org.careloop.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ShiftBoundsTest {

    static final String SHIFT =
            "{\"clinician\":\"clinician2\",\"tier\":\"BACKUP\",\"startsAt\":\"%s\",\"endsAt\":\"%s\"}";

    @Inject DataSource db;

    @Test
    void shiftsOfAbsurdSpansOrTimesAreRefusedNamingTheTimeAndNothingIsStored() throws SQLException {
        long before = Rows.count(db, "select count(*) from on_call_shift");
        Instant soon = Instant.now().plus(Duration.ofDays(200));

        refused(SHIFT.formatted(soon, soon.plus(Duration.ofDays(365 * 1000L))), "endsAt");
        refused(SHIFT.formatted(soon, soon.plus(Duration.ofDays(7)).plusSeconds(1)), "endsAt");
        refused(SHIFT.formatted("-999999999-01-01T00:00:00Z", soon), "startsAt");
        refused(
                SHIFT.formatted("+999999999-12-31T23:59:58Z", "+999999999-12-31T23:59:59Z"),
                "startsAt");
        refused(
                SHIFT.formatted(
                        Instant.now().plus(Duration.ofDays(500)),
                        Instant.now().plus(Duration.ofDays(501))),
                "startsAt");
        refused(
                SHIFT.formatted(
                        Instant.now().minus(Duration.ofHours(9)),
                        Instant.now().minus(Duration.ofHours(1))),
                "endsAt");

        assertEquals(before, Rows.count(db, "select count(*) from on_call_shift"));
    }

    private static void refused(String body, String field) {
        given().auth()
                .oauth2(Tokens.of("supervisor1"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/on-call/shifts")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains(field));
    }
}
