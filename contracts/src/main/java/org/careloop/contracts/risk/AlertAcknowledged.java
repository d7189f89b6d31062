package org.careloop.contracts.risk;

import java.time.Instant;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.contracts.IntegrationEvent;

/** A clinician took responsibility for a crisis alert; the ladder stops. */
@EventType("careloop.risk.AlertAcknowledged.v1")
public record AlertAcknowledged(
        UUID clientId,
        UUID alertId,
        String tier,
        int step,
        String acknowledgedBy,
        Instant acknowledgedAt)
        implements IntegrationEvent {}
