package org.careloop.contracts.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.contracts.IntegrationEvent;

/** An authorization's end date passed; {@code unused} units lapse with it. */
@EventType("careloop.billing.AuthorizationExpired.v1")
public record AuthorizationExpired(
        UUID clientId,
        UUID authorizationId,
        String authorizationNumber,
        LocalDate endDate,
        int unused,
        Instant at)
        implements IntegrationEvent {}
