package org.careloop.treatment.outcome;

import java.util.List;

/**
 * A client's course on one instrument: the baseline (the first score), the latest, the change
 * between them in points and in percent of the baseline (null with a single score; the percent also
 * null on a baseline of 0), the status, and every score in order for a chart.
 */
public record InstrumentOutcome(
        String instrument,
        Score baseline,
        Score latest,
        Integer changePoints,
        Double changePercent,
        OutcomeStatus status,
        List<Score> series) {}
