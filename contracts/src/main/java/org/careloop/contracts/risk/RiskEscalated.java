package org.careloop.contracts.risk;

import java.time.Instant;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.contracts.IntegrationEvent;

/**
 * A client's risk rose to MODERATE or HIGH; {@code episodeId} names the risk episode it opened or
 * raised.
 */
@EventType("careloop.risk.RiskEscalated.v1")
public record RiskEscalated(
        UUID clientId,
        UUID episodeId,
        String previousLevel,
        String level,
        String reason,
        UUID assessmentId,
        Instant escalatedAt)
        implements IntegrationEvent {}
