package org.careloop.contracts.treatment;

import java.time.Instant;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.contracts.IntegrationEvent;

/**
 * A measured goal that had been met is not any more: a later score is at or above its threshold.
 */
@EventType("careloop.treatment.GoalNoLongerMet.v1")
public record GoalNoLongerMet(
        UUID clientId,
        UUID planId,
        int version,
        String goalId,
        String instrument,
        int below,
        int score,
        UUID assessmentId,
        Instant changedAt)
        implements IntegrationEvent {}
