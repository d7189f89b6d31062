package org.careloop.billing.authorization;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.contracts.billing.AuthorizedService;

/** What happened to one prior authorization and its units, in one stream per authorization. */
public sealed interface AuthorizationEvent {

    String STREAM = "authorization";

    UUID authorizationId();

    UUID clientId();

    @EventType("billing.authorization.Drafted")
    record Drafted(
            UUID authorizationId,
            UUID clientId,
            String payerId,
            Urgency urgency,
            List<AuthorizedService> services,
            LocalDate startDate,
            LocalDate endDate,
            List<String> diagnoses,
            String justification,
            Instant at,
            String by)
            implements AuthorizationEvent {}

    /** Sent to the payer (electronically when {@code electronic}); the decision is due then. */
    @EventType("billing.authorization.Requested")
    record Requested(
            UUID authorizationId,
            UUID clientId,
            boolean electronic,
            Instant decisionDueAt,
            Instant at,
            String by)
            implements AuthorizationEvent {}

    @EventType("billing.authorization.Decided")
    record Decided(
            UUID authorizationId,
            UUID clientId,
            Outcome outcome,
            String authorizationNumber,
            List<AuthorizedService> services,
            LocalDate startDate,
            LocalDate endDate,
            String reason,
            List<LocalDate> concurrentReviewDates,
            boolean electronic,
            Instant at,
            String by)
            implements AuthorizationEvent {}

    @EventType("billing.authorization.DecisionOverdue")
    record DecisionOverdue(UUID authorizationId, UUID clientId, Instant dueAt, Instant at)
            implements AuthorizationEvent {}

    @EventType("billing.authorization.Appealed")
    record Appealed(UUID authorizationId, UUID clientId, String reason, Instant at, String by)
            implements AuthorizationEvent {}

    @EventType("billing.authorization.UnitsConsumed")
    record UnitsConsumed(
            UUID authorizationId,
            UUID clientId,
            UUID sessionId,
            String cpt,
            int units,
            LocalDate serviceDate,
            Instant at)
            implements AuthorizationEvent {}

    @EventType("billing.authorization.UnitsReturned")
    record UnitsReturned(
            UUID authorizationId, UUID clientId, UUID sessionId, String cpt, int units, Instant at)
            implements AuthorizationEvent {}

    @EventType("billing.authorization.NearlyExhausted")
    record NearlyExhausted(
            UUID authorizationId, UUID clientId, int remaining, int approved, Instant at)
            implements AuthorizationEvent {}

    @EventType("billing.authorization.Exhausted")
    record Exhausted(UUID authorizationId, UUID clientId, int approved, Instant at)
            implements AuthorizationEvent {}

    @EventType("billing.authorization.Expiring")
    record Expiring(
            UUID authorizationId, UUID clientId, LocalDate endDate, int remaining, Instant at)
            implements AuthorizationEvent {}

    @EventType("billing.authorization.Expired")
    record Expired(UUID authorizationId, UUID clientId, int unused, Instant at)
            implements AuthorizationEvent {}

    @EventType("billing.authorization.ReviewDue")
    record ReviewDue(UUID authorizationId, UUID clientId, LocalDate reviewOn, Instant at)
            implements AuthorizationEvent {}

    /** The payer's interface refused the exchange outright: a person must look. */
    @EventType("billing.authorization.ExchangeRefused")
    record ExchangeRefused(UUID authorizationId, UUID clientId, String reason, Instant at)
            implements AuthorizationEvent {}
}
