package org.careloop.contracts.billing;

import java.time.Instant;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.contracts.IntegrationEvent;

/** Every unit an authorization approved is used: the next session needs a new one. */
@EventType("careloop.billing.AuthorizationExhausted.v1")
public record AuthorizationExhausted(
        UUID clientId, UUID authorizationId, String authorizationNumber, int approved, Instant at)
        implements IntegrationEvent {}
