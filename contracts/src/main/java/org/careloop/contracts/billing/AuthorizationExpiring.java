package org.careloop.contracts.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.contracts.IntegrationEvent;

/** An active authorization ends soon with units left: time to request a continuation. */
@EventType("careloop.billing.AuthorizationExpiring.v1")
public record AuthorizationExpiring(
        UUID clientId,
        UUID authorizationId,
        String authorizationNumber,
        LocalDate endDate,
        int remaining,
        Instant at)
        implements IntegrationEvent {}
