package org.careloop.treatment.outcome;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The thresholds of measurement-based care: the fraction of the baseline a total must fall by to
 * count as a response, the total below which it counts as remission, and, per instrument, the rise
 * in points that counts as deterioration. The instruments with a deterioration threshold are the
 * ones followed.
 */
public record OutcomeRules(
        BigDecimal responseFraction, int remissionBelow, Map<String, Integer> deteriorationPoints) {

    public OutcomeRules {
        if (responseFraction == null
                || responseFraction.signum() <= 0
                || responseFraction.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException(
                    "the response fraction must be above 0 and at most 1: " + responseFraction);
        }
        if (remissionBelow < 1) {
            throw new IllegalArgumentException(
                    "the remission cut-off must be at least 1: " + remissionBelow);
        }
        if (deteriorationPoints == null || deteriorationPoints.isEmpty()) {
            throw new IllegalArgumentException("no instrument has a deterioration threshold");
        }
        deteriorationPoints.forEach(
                (instrument, points) -> {
                    if (points == null || points < 1) {
                        throw new IllegalArgumentException(
                                "the deterioration threshold of "
                                        + instrument
                                        + " must be at least 1 point: "
                                        + points);
                    }
                });
        deteriorationPoints = Map.copyOf(deteriorationPoints);
    }

    /**
     * The NCQA/HEDIS and CMS159 definitions (response 50 %, remission below 5) and the reliable
     * change of PHQ-9 (5 points) and GAD-7 (4 points).
     */
    public static OutcomeRules standard() {
        return new OutcomeRules(new BigDecimal("0.5"), 5, Map.of("PHQ-9", 5, "GAD-7", 4));
    }

    /** Whether this feature follows the instrument's totals. */
    public boolean follows(String instrument) {
        return instrument != null && deteriorationPoints.containsKey(instrument);
    }

    /** The instruments followed, in name order. */
    public Set<String> instruments() {
        return new TreeSet<>(deteriorationPoints.keySet());
    }

    /** The rise in points that counts as deterioration on an instrument that is followed. */
    public int deteriorationPoints(String instrument) {
        Integer points = deteriorationPoints.get(instrument);
        if (points == null) {
            throw new IllegalArgumentException(instrument + " is not an instrument followed here");
        }
        return points;
    }
}
