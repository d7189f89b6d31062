package org.careloop.risk.oncall;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.careloop.platform.problem.InvalidCommand;
import org.careloop.platform.problem.Problem;
import org.junit.jupiter.api.Test;

class ShiftLimitsTest {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static final ShiftLimits LIMITS = new ShiftLimits(Duration.ofDays(7), Duration.ofDays(400));

    @Test
    void aWeekendShiftStartingAMinuteAgoIsWithinTheLimits() {
        assertDoesNotThrow(
                () -> LIMITS.check(NOW.minusSeconds(60), NOW.plus(Duration.ofHours(64)), NOW));
    }

    @Test
    void aShiftOfExactlyTheLongestSpanIsAllowedAndOneSecondMoreIsNot() {
        Instant start = NOW.plus(Duration.ofDays(3));
        assertDoesNotThrow(() -> LIMITS.check(start, start.plus(Duration.ofDays(7)), NOW));
        assertEquals("endsAt", refusedField(start, start.plus(Duration.ofDays(7)).plusSeconds(1)));
    }

    @Test
    void aThousandYearShiftIsRefusedNamingEndsAt() {
        assertEquals("endsAt", refusedField(NOW, Instant.parse("3026-11-22T10:00:00Z")));
    }

    @Test
    void aShiftFromTheEarliestRepresentableYearIsRefusedNamingStartsAt() {
        assertEquals(
                "startsAt",
                refusedField(Instant.parse("-999999999-01-01T00:00:00Z"), NOW.plusSeconds(3600)));
    }

    @Test
    void aShiftBeyondTheSchedulingHorizonIsRefusedNamingStartsAt() {
        Instant farAhead = NOW.plus(Duration.ofDays(401));
        assertEquals("startsAt", refusedField(farAhead, farAhead.plus(Duration.ofHours(8))));
        assertEquals("startsAt", refusedField(Instant.MAX.minusSeconds(10), Instant.MAX));
    }

    @Test
    void aShiftThatEndsBeforeItStartsOrIsAlreadyOverIsRefusedNamingEndsAt() {
        assertEquals("endsAt", refusedField(NOW.plusSeconds(3600), NOW.plusSeconds(3600)));
        assertEquals(
                "endsAt",
                refusedField(NOW.minus(Duration.ofHours(5)), NOW.minus(Duration.ofHours(1))));
    }

    private static String refusedField(Instant startsAt, Instant endsAt) {
        InvalidCommand refused =
                assertThrows(InvalidCommand.class, () -> LIMITS.check(startsAt, endsAt, NOW));
        Problem problem = refused.problem();
        assertEquals(400, problem.status());
        return problem.errors().get(0).field();
    }
}
