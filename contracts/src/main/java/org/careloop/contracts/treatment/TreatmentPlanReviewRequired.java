package org.careloop.contracts.treatment;

import java.time.Instant;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.contracts.IntegrationEvent;

/**
 * Something happened that calls for the active plan to be reviewed before its date: a risk
 * escalation ({@code riskEpisodeId} set) or a clinician's request.
 */
@EventType("careloop.treatment.TreatmentPlanReviewRequired.v1")
public record TreatmentPlanReviewRequired(
        UUID clientId,
        UUID planId,
        int version,
        String reason,
        UUID riskEpisodeId,
        Instant requiredAt)
        implements IntegrationEvent {}
