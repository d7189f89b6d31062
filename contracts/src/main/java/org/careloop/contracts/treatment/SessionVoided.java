package org.careloop.contracts.treatment;

import java.time.Instant;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.contracts.IntegrationEvent;

/** A documented session was entered in error and is void: no claim may stand on it. */
@EventType("careloop.treatment.SessionVoided.v1")
public record SessionVoided(
        UUID clientId, UUID sessionId, String reason, Instant voidedAt, String voidedBy)
        implements IntegrationEvent {}
