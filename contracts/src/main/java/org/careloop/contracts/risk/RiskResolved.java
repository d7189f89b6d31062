package org.careloop.contracts.risk;

import java.time.Instant;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.contracts.IntegrationEvent;

/** A clinician assessed the client's risk down to NONE or LOW, closing the risk episode. */
@EventType("careloop.risk.RiskResolved.v1")
public record RiskResolved(
        UUID clientId,
        UUID episodeId,
        String level,
        String rationale,
        String resolvedBy,
        Instant resolvedAt)
        implements IntegrationEvent {}
