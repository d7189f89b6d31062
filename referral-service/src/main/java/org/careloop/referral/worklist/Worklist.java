package org.careloop.referral.worklist;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.referral.referral.Origin;

/**
 * What needs a clinician's referrals (a supervisor's: everyone's): drafts to send, referrals whose
 * partner is overdue, outcomes awaiting review, each with its count; a draft another service's
 * event started says which ({@code origin}).
 */
public record Worklist(
        Counts counts, List<Item> drafts, List<Item> overdue, List<Item> awaitingReview) {

    public record Counts(int drafts, int overdue, int awaitingReview) {}

    public record Item(
            UUID referralId,
            UUID clientId,
            String partnerId,
            String serviceType,
            String urgency,
            String status,
            String referredBy,
            Origin origin,
            boolean acceptanceOverdue,
            boolean firstAppointmentOverdue,
            Instant updatedAt) {}
}
