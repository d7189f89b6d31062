package org.careloop.contracts.billing;

import java.time.Instant;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.contracts.IntegrationEvent;

/** A payer let a prior-authorization request pass its decision-due time undecided. */
@EventType("careloop.billing.AuthorizationDecisionOverdue.v1")
public record AuthorizationDecisionOverdue(
        UUID clientId,
        UUID authorizationId,
        String payerId,
        String urgency,
        Instant requestedAt,
        Instant decisionDueAt)
        implements IntegrationEvent {}
