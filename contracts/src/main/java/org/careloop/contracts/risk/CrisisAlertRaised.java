package org.careloop.contracts.risk;

import java.time.Instant;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.contracts.IntegrationEvent;

/**
 * A crisis alert went to the first tier of its escalation policy; {@code addressedTo} is null for a
 * team tier.
 */
@EventType("careloop.risk.CrisisAlertRaised.v1")
public record CrisisAlertRaised(
        UUID clientId,
        UUID alertId,
        UUID episodeId,
        String priority,
        String riskLevel,
        String reason,
        String tier,
        int step,
        String addressedTo,
        Instant raisedAt)
        implements IntegrationEvent {}
