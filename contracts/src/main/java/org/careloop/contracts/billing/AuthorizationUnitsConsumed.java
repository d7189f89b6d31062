package org.careloop.contracts.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.contracts.IntegrationEvent;

/** A documented session used units of an authorization; {@code remaining} is for that code. */
@EventType("careloop.billing.AuthorizationUnitsConsumed.v1")
public record AuthorizationUnitsConsumed(
        UUID clientId,
        UUID authorizationId,
        UUID sessionId,
        String cpt,
        int units,
        int remaining,
        LocalDate serviceDate,
        Instant consumedAt)
        implements IntegrationEvent {}
