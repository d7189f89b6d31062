package org.careloop.treatment.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TrajectoryTest {

    static final Instant FIRST = Instant.parse("2026-11-02T15:00:00Z");
    static final OutcomeRules STANDARD = OutcomeRules.standard();

    @Test
    void aFallOfExactlyHalfTheBaselineIsAResponse() {
        InstrumentOutcome outcome = measured("PHQ-9", 20, 10);

        assertEquals(OutcomeStatus.RESPONSE, outcome.status());
        assertEquals(-10, outcome.changePoints());
        assertEquals(-50.0, outcome.changePercent());
    }

    @Test
    void aFallOfLessThanHalfIsNoReliableChange() {
        InstrumentOutcome outcome = measured("PHQ-9", 20, 11);

        assertEquals(OutcomeStatus.NO_RELIABLE_CHANGE, outcome.status());
        assertEquals(-45.0, outcome.changePercent());
    }

    @Test
    void aTotalBelowFiveIsRemissionEvenThoughItIsAlsoAResponse() {
        assertEquals(OutcomeStatus.REMISSION, measured("PHQ-9", 20, 4).status());
        assertEquals(OutcomeStatus.REMISSION, measured("GAD-7", 15, 4).status());
    }

    @Test
    void aTotalOfFiveIsNotRemissionButAFallOfThreeQuartersIsAResponse() {
        InstrumentOutcome outcome = measured("PHQ-9", 20, 5);

        assertEquals(OutcomeStatus.RESPONSE, outcome.status());
        assertEquals(-75.0, outcome.changePercent());
    }

    @Test
    void aRiseOfFivePointsOnThePhq9IsDeterioration() {
        InstrumentOutcome outcome = measured("PHQ-9", 8, 13);

        assertEquals(OutcomeStatus.DETERIORATION, outcome.status());
        assertEquals(5, outcome.changePoints());
        assertEquals(62.5, outcome.changePercent());
    }

    @Test
    void aRiseOfFourPointsOnThePhq9IsNoReliableChange() {
        assertEquals(OutcomeStatus.NO_RELIABLE_CHANGE, measured("PHQ-9", 8, 12).status());
    }

    @Test
    void aRiseOfFourPointsOnTheGad7IsDeteriorationButThreeIsNot() {
        assertEquals(OutcomeStatus.DETERIORATION, measured("GAD-7", 12, 16).status());
        assertEquals(OutcomeStatus.NO_RELIABLE_CHANGE, measured("GAD-7", 12, 15).status());
    }

    @Test
    void aSingleScoreIsTheBaselineWithNoChange() {
        InstrumentOutcome outcome = measured("PHQ-9", 14);

        assertEquals(OutcomeStatus.BASELINE, outcome.status());
        assertEquals(outcome.baseline(), outcome.latest());
        assertNull(outcome.changePoints());
        assertNull(outcome.changePercent());
        assertEquals(1, outcome.series().size());
    }

    @Test
    void aBaselineOfZeroHasNoPercentAndCanStillDeteriorate() {
        InstrumentOutcome steady = measured("GAD-7", 0, 0);
        InstrumentOutcome worse = measured("GAD-7", 0, 4);

        assertNull(steady.changePercent());
        assertEquals(OutcomeStatus.NO_RELIABLE_CHANGE, steady.status());
        assertNull(worse.changePercent());
        assertEquals(4, worse.changePoints());
        assertEquals(OutcomeStatus.DETERIORATION, worse.status());
    }

    @Test
    void aBaselineAlreadyBelowTheCutOffCannotRemit() {
        assertEquals(OutcomeStatus.NO_RELIABLE_CHANGE, measured("PHQ-9", 4, 3).status());
    }

    @Test
    void theBaselineIsTheEarliestScoreAndTheLatestTheNewestWhateverTheOrderGiven() {
        UUID first = UUID.randomUUID();
        UUID last = UUID.randomUUID();
        List<Score> shuffled =
                List.of(
                        new Score(FIRST.plus(Duration.ofDays(28)), 6, last),
                        new Score(FIRST, 18, first),
                        new Score(FIRST.plus(Duration.ofDays(14)), 12, UUID.randomUUID()));

        InstrumentOutcome outcome = Trajectory.of("PHQ-9", shuffled, STANDARD);

        assertEquals(first, outcome.baseline().assessmentId());
        assertEquals(last, outcome.latest().assessmentId());
        assertEquals(List.of(18, 12, 6), outcome.series().stream().map(Score::score).toList());
        assertEquals(-12, outcome.changePoints());
        assertEquals(-66.7, outcome.changePercent());
        assertEquals(OutcomeStatus.RESPONSE, outcome.status());
    }

    @Test
    void onlyTheLatestScoreIsComparedWithTheBaseline() {
        assertEquals(OutcomeStatus.NO_RELIABLE_CHANGE, measured("PHQ-9", 20, 4, 12).status());
        assertEquals(OutcomeStatus.REMISSION, measured("PHQ-9", 20, 25, 4).status());
    }

    @Test
    void theConfiguredThresholdsAreHonoured() {
        OutcomeRules strict =
                new OutcomeRules(new BigDecimal("0.6"), 3, Map.of("PHQ-9", 3, "PHQ-8", 6));

        assertEquals(OutcomeStatus.NO_RELIABLE_CHANGE, measured("PHQ-9", strict, 20, 10).status());
        assertEquals(OutcomeStatus.RESPONSE, measured("PHQ-9", strict, 20, 8).status());
        assertEquals(OutcomeStatus.RESPONSE, measured("PHQ-9", strict, 20, 4).status());
        assertEquals(OutcomeStatus.REMISSION, measured("PHQ-9", strict, 20, 2).status());
        assertEquals(OutcomeStatus.DETERIORATION, measured("PHQ-9", strict, 8, 11).status());
        assertEquals(OutcomeStatus.NO_RELIABLE_CHANGE, measured("PHQ-8", strict, 8, 13).status());
        assertEquals(OutcomeStatus.DETERIORATION, measured("PHQ-8", strict, 8, 14).status());
    }

    @Test
    void anInstrumentWithoutRulesIsNotMeasured() {
        assertThrows(IllegalArgumentException.class, () -> measured("C-SSRS-SCREENER", 1, 2));
        assertEquals(false, STANDARD.follows("BIOPSYCHOSOCIAL"));
        assertEquals(true, STANDARD.follows("GAD-7"));
    }

    @Test
    void rulesThatCannotBeMetAreRefused() {
        Map<String, Integer> phq9 = Map.of("PHQ-9", 5);
        assertThrows(
                IllegalArgumentException.class, () -> new OutcomeRules(BigDecimal.ZERO, 5, phq9));
        assertThrows(
                IllegalArgumentException.class,
                () -> new OutcomeRules(new BigDecimal("1.5"), 5, phq9));
        assertThrows(
                IllegalArgumentException.class,
                () -> new OutcomeRules(new BigDecimal("0.5"), 0, phq9));
        assertThrows(
                IllegalArgumentException.class,
                () -> new OutcomeRules(new BigDecimal("0.5"), 5, Map.of("PHQ-9", 0)));
        assertThrows(
                IllegalArgumentException.class,
                () -> new OutcomeRules(new BigDecimal("0.5"), 5, Map.of()));
    }

    private static InstrumentOutcome measured(String instrument, int... totals) {
        return measured(instrument, STANDARD, totals);
    }

    private static InstrumentOutcome measured(
            String instrument, OutcomeRules rules, int... totals) {
        List<Score> scores = new ArrayList<>();
        for (int i = 0; i < totals.length; i++) {
            scores.add(
                    new Score(FIRST.plus(Duration.ofDays(14L * i)), totals[i], UUID.randomUUID()));
        }
        return Trajectory.of(instrument, scores, rules);
    }
}
