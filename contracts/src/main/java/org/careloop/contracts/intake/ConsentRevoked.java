package org.careloop.contracts.intake;

import java.time.Instant;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.contracts.IntegrationEvent;

/** A client revoked a consent: from {@code revokedAt} it permits nothing. */
@EventType("careloop.intake.ConsentRevoked.v1")
public record ConsentRevoked(
        UUID clientId, UUID consentId, String reason, Instant revokedAt, String revokedBy)
        implements IntegrationEvent {}
