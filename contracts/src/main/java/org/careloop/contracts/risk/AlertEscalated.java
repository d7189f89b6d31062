package org.careloop.contracts.risk;

import java.time.Instant;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.contracts.IntegrationEvent;

/** Nobody acknowledged a crisis alert in time: it went to the next tier. */
@EventType("careloop.risk.AlertEscalated.v1")
public record AlertEscalated(
        UUID clientId,
        UUID alertId,
        String fromTier,
        String tier,
        int step,
        String addressedTo,
        Instant escalatedAt)
        implements IntegrationEvent {}
