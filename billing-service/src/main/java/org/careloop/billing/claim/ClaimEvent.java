package org.careloop.billing.claim;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.careloop.contracts.EventType;

/** What happened to one session's claim, in one stream per claim. */
public sealed interface ClaimEvent {

    String STREAM = "claim";

    UUID claimId();

    UUID clientId();

    /** The claim as the coder and the holds left it: READY or HELD. */
    @EventType("billing.claim.Evaluated")
    record Evaluated(
            UUID claimId,
            UUID sessionId,
            UUID clientId,
            String payerId,
            ClaimStatus status,
            List<Hold> holds,
            List<ClaimLine> lines,
            BigDecimal totalCharge,
            LocalDate serviceDate,
            Instant at)
            implements ClaimEvent {}

    @EventType("billing.claim.Exported")
    record Exported(UUID claimId, UUID clientId, UUID exportId, long controlNumber, Instant at)
            implements ClaimEvent {}

    @EventType("billing.claim.Voided")
    record Voided(UUID claimId, UUID sessionId, UUID clientId, String reason, Instant at)
            implements ClaimEvent {}
}
