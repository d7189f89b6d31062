package org.careloop.contracts.risk;

import java.time.Instant;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.contracts.IntegrationEvent;

/**
 * A client's suicide risk level changed. {@code source} is SCREEN (from an assessment, {@code
 * assessmentId} set) or CLINICIAN (a clinician's own risk assessment, {@code changedBy} and {@code
 * reason} set).
 */
@EventType("careloop.risk.RiskLevelChanged.v1")
public record RiskLevelChanged(
        UUID clientId,
        String previousLevel,
        String level,
        String source,
        UUID assessmentId,
        String reason,
        String changedBy,
        Instant changedAt)
        implements IntegrationEvent {}
