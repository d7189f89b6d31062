package org.careloop.treatment.outcome;

import java.time.Instant;
import java.util.UUID;

/** One total score of an instrument: when it was administered, the total, and its assessment. */
public record Score(Instant at, int score, UUID assessmentId) {}
