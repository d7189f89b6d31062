package org.careloop.billing.authorization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BurnTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 29);

    @Test
    void weeklySessionsForFourWeeksBurnOneUnitAWeek() {
        List<Burn.Use> weekly =
                List.of(
                        new Burn.Use(TODAY.minusDays(21), 1),
                        new Burn.Use(TODAY.minusDays(14), 1),
                        new Burn.Use(TODAY.minusDays(7), 1),
                        new Burn.Use(TODAY, 1));

        Burn burn = Burn.of(weekly, 3, TODAY);

        assertEquals(1.0, burn.unitsPerWeek());
        assertEquals(TODAY.plusDays(21), burn.projectedExhaustion());
    }

    @Test
    void sessionsBeforeTheFourWeeksDoNotCount() {
        Burn burn =
                Burn.of(
                        List.of(new Burn.Use(TODAY.minusDays(28), 4), new Burn.Use(TODAY, 2)),
                        4,
                        TODAY);

        assertEquals(0.5, burn.unitsPerWeek());
        assertEquals(TODAY.plusDays(56), burn.projectedExhaustion());
    }

    @Test
    void nothingUsedLatelyProjectsNoExhaustion() {
        Burn burn = Burn.of(List.of(new Burn.Use(TODAY.minusDays(60), 3)), 5, TODAY);

        assertEquals(0.0, burn.unitsPerWeek());
        assertNull(burn.projectedExhaustion());
    }

    @Test
    void anExhaustedAuthorizationHasNoDateAhead() {
        Burn burn = Burn.of(List.of(new Burn.Use(TODAY, 2)), 0, TODAY);

        assertEquals(0.5, burn.unitsPerWeek());
        assertNull(burn.projectedExhaustion());
    }

    @Test
    void theWarningLevelIsAShareOrAFewUnitsWhicheverComesFirst() {
        UnitRule rule = new UnitRule(0.2, 2);

        assertEquals(true, rule.low(2, 100));
        assertEquals(false, rule.low(3, 10));
        assertEquals(true, rule.low(2, 10));
        assertEquals(true, rule.low(20, 100));
        assertEquals(false, rule.low(21, 100));
    }
}
