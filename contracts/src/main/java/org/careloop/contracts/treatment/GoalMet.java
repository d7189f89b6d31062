package org.careloop.contracts.treatment;

import java.time.Instant;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.contracts.IntegrationEvent;

/** A measured goal of the active plan was met by a score: e.g. "PHQ-9 below 10" by a PHQ-9 of 9. */
@EventType("careloop.treatment.GoalMet.v1")
public record GoalMet(
        UUID clientId,
        UUID planId,
        int version,
        String goalId,
        String instrument,
        int below,
        int score,
        UUID assessmentId,
        Instant metAt)
        implements IntegrationEvent {}
