package org.careloop.contracts.billing;

import java.time.Instant;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.contracts.IntegrationEvent;

/** A voided session gave back the units it had used; {@code remaining} is for that code. */
@EventType("careloop.billing.AuthorizationUnitsReturned.v1")
public record AuthorizationUnitsReturned(
        UUID clientId,
        UUID authorizationId,
        UUID sessionId,
        String cpt,
        int units,
        int remaining,
        Instant returnedAt)
        implements IntegrationEvent {}
