package org.careloop.billing.worklist;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A billing specialist's day: decisions overdue, requests pended, authorizations running out or
 * ending, and held claims by reason, each with its count.
 */
public record Worklist(
        Counts counts,
        List<AuthorizationItem> decisionsOverdue,
        List<AuthorizationItem> pended,
        List<AuthorizationItem> nearlyExhausted,
        List<AuthorizationItem> expiring,
        Map<String, Long> heldClaimsByReason,
        List<ClaimItem> heldClaims) {

    public record Counts(
            int decisionsOverdue, int pended, int nearlyExhausted, int expiring, int heldClaims) {}

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

    public record ClaimItem(
            UUID claimId,
            UUID clientId,
            String payerId,
            LocalDate serviceDate,
            BigDecimal totalCharge,
            List<String> reasons,
            List<String> details) {}
}
