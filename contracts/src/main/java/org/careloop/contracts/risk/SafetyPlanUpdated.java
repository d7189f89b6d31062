package org.careloop.contracts.risk;

import java.time.Instant;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.contracts.IntegrationEvent;

/** A client's safety plan has a new version. Its content stays in risk-service. */
@EventType("careloop.risk.SafetyPlanUpdated.v1")
public record SafetyPlanUpdated(UUID clientId, int version, String revisedBy, Instant revisedAt)
        implements IntegrationEvent {}
