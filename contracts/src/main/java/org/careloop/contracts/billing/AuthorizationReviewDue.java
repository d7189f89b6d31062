package org.careloop.contracts.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.contracts.IntegrationEvent;

/** A concurrent-review date the payer set for an active authorization came. */
@EventType("careloop.billing.AuthorizationReviewDue.v1")
public record AuthorizationReviewDue(
        UUID clientId,
        UUID authorizationId,
        String authorizationNumber,
        LocalDate reviewOn,
        Instant at)
        implements IntegrationEvent {}
