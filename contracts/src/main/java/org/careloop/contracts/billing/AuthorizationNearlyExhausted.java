package org.careloop.contracts.billing;

import java.time.Instant;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.contracts.IntegrationEvent;

/** An authorization's remaining units fell to the warning level: time to request more. */
@EventType("careloop.billing.AuthorizationNearlyExhausted.v1")
public record AuthorizationNearlyExhausted(
        UUID clientId,
        UUID authorizationId,
        String authorizationNumber,
        int remaining,
        int approved,
        Instant at)
        implements IntegrationEvent {}
