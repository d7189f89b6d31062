package org.careloop.contracts.access;

import java.time.Instant;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.contracts.IntegrationEvent;

/**
 * Someone broke the glass: {@code username} may reach the client in every service until {@code
 * expiresAt}, for the reason given. Supervisors review every grant afterwards.
 */
@EventType("careloop.access.EmergencyAccessGranted.v1")
public record EmergencyAccessGranted(
        UUID clientId,
        UUID grantId,
        String username,
        String reason,
        String service,
        Instant grantedAt,
        Instant expiresAt)
        implements IntegrationEvent {}
