package org.careloop.billing.worklist;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A billing specialist's day: decisions overdue, requests pended, authorizations running out or
 * ending, held claims by reason, and claims whose payer's filing limit is near, each with its
 * count.
 */
public record Worklist(
        Counts counts,
        List<AuthorizationItem> decisionsOverdue,
        List<AuthorizationItem> pended,
        List<AuthorizationItem> nearlyExhausted,
        List<AuthorizationItem> expiring,
        Map<String, Long> heldClaimsByReason,
        List<ClaimItem> heldClaims,
        List<FilingItem> filingDeadlines) {

    public record Counts(
            int decisionsOverdue,
            int pended,
            int nearlyExhausted,
            int expiring,
            int heldClaims,
            int filingDeadlines) {}

    public record AuthorizationItem(
            UUID authorizationId,
            UUID clientId,
            String payerId,
            String status,
            String authorizationNumber,
            int remainingUnits,
            int approvedUnits,
            LocalDate endDate,
            Instant decisionDueAt) {}

    /** A claim not yet sent whose payer takes it only until {@code fileBy}. */
    public record FilingItem(
            UUID claimId, UUID clientId, String payerId, String status, LocalDate fileBy) {}

    public record ClaimItem(
            UUID claimId,
            UUID clientId,
            String payerId,
            LocalDate serviceDate,
            BigDecimal totalCharge,
            List<String> reasons,
            List<String> details) {}
}
