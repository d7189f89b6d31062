package org.careloop.billing.claim;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A claim as billing staff see it in the work queue: status, lines, and what holds it. */
public record ClaimView(
        UUID claimId,
        UUID sessionId,
        UUID clientId,
        String payerId,
        String status,
        List<Hold> holds,
        List<ClaimLine> lines,
        BigDecimal totalCharge,
        String authorizationNumber,
        LocalDate serviceDate,
        UUID exportId,
        Instant createdAt,
        Instant updatedAt) {

    static ClaimView of(ClaimRecord c) {
        return new ClaimView(
                c.claimId,
                c.sessionId,
                c.clientId,
                c.payerId,
                c.status,
                c.holds(),
                c.lines(),
                c.totalCharge,
                c.authorizationNumber,
                c.serviceDate,
                c.exportId,
                c.createdAt,
                c.updatedAt);
    }
}
