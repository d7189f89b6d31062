package org.careloop.contracts.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.contracts.IntegrationEvent;

/**
 * A payer decided a prior-authorization request, or its appeal: {@code outcome} is APPROVED,
 * PARTIALLY_APPROVED, PENDED, DENIED, OVERTURNED or UPHELD. Services, dates and the authorization
 * number are those approved (null or empty when nothing was); {@code electronic} is true when the
 * answer came over the payer's Da Vinci PAS interface rather than recorded by staff.
 */
@EventType("careloop.billing.AuthorizationDecided.v1")
public record AuthorizationDecided(
        UUID clientId,
        UUID authorizationId,
        String payerId,
        String outcome,
        String authorizationNumber,
        List<AuthorizedService> services,
        LocalDate startDate,
        LocalDate endDate,
        String reason,
        boolean electronic,
        Instant decidedAt,
        String recordedBy)
        implements IntegrationEvent {}
