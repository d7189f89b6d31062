package org.careloop.contracts.billing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.contracts.IntegrationEvent;

/**
 * A session's claim cannot go out as it stands; {@code reasons} name what to fix (NO_COVERAGE,
 * NO_AUTHORIZATION, MISSING_NPI, ...). Raised when the reasons change, not on every evaluation.
 */
@EventType("careloop.billing.ClaimHeld.v1")
public record ClaimHeld(
        UUID clientId, UUID claimId, UUID sessionId, List<String> reasons, Instant at)
        implements IntegrationEvent {}
