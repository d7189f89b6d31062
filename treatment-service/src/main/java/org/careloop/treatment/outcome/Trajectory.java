package org.careloop.treatment.outcome;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;

/**
 * Measures a client's course on one instrument against the rules: a pure function of the scores,
 * which the caller selects (those of the current episode).
 */
public final class Trajectory {

    private static final Comparator<Score> ORDER =
            Comparator.comparing(Score::at).thenComparing(Score::assessmentId);

    private Trajectory() {}

    /** The outcome of the scores, in any order; none is an error. */
    public static InstrumentOutcome of(String instrument, List<Score> scores, OutcomeRules rules) {
        if (scores.isEmpty()) {
            throw new IllegalArgumentException("no score of " + instrument + " to measure");
        }
        List<Score> series = scores.stream().sorted(ORDER).toList();
        Score baseline = series.getFirst();
        Score latest = series.getLast();
        if (series.size() == 1) {
            return new InstrumentOutcome(
                    instrument, baseline, latest, null, null, OutcomeStatus.BASELINE, series);
        }
        int change = latest.score() - baseline.score();
        Double percent =
                baseline.score() == 0
                        ? null
                        : BigDecimal.valueOf(change * 100L)
                                .divide(
                                        BigDecimal.valueOf(baseline.score()),
                                        1,
                                        RoundingMode.HALF_UP)
                                .doubleValue();
        return new InstrumentOutcome(
                instrument,
                baseline,
                latest,
                change,
                percent,
                status(instrument, baseline.score(), latest.score(), rules),
                series);
    }

    private static OutcomeStatus status(
            String instrument, int baseline, int latest, OutcomeRules rules) {
        if (latest - baseline >= rules.deteriorationPoints(instrument)) {
            return OutcomeStatus.DETERIORATION;
        }
        // Remission is the stronger outcome, so it is named even when the fall is also a response;
        // one cannot remit from a baseline that was already below the cut-off.
        if (latest < rules.remissionBelow() && baseline >= rules.remissionBelow()) {
            return OutcomeStatus.REMISSION;
        }
        // Exact arithmetic: a fall of 10 from 20 is a 50 % response, never 49.999... %.
        BigDecimal fall = BigDecimal.valueOf(baseline - latest);
        if (baseline > 0
                && fall.compareTo(rules.responseFraction().multiply(BigDecimal.valueOf(baseline)))
                        >= 0) {
            return OutcomeStatus.RESPONSE;
        }
        return OutcomeStatus.NO_RELIABLE_CHANGE;
    }
}
