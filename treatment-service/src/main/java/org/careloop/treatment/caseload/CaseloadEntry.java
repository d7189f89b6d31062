package org.careloop.treatment.caseload;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One client on a clinician's caseload: what needs their attention this morning. */
public record CaseloadEntry(
        UUID clientId,
        String name,
        String role,
        String riskLevel,
        Instant riskSince,
        Plan plan,
        Instant lastSession,
        int unsignedNotes,
        int notesAwaitingCosignature,
        int openReferrals,
        int overdueReferrals,
        int referralsAwaitingReview,
        Measure phq9,
        Measure gad7) {

    /** The latest score on an instrument and the course since the baseline. */
    public record Measure(int score, Instant at, String status) {}

    /** The client's open plan, if any. */
    public record Plan(
            UUID planId,
            String status,
            String pendingStatus,
            LocalDate reviewDueOn,
            boolean reviewOverdue,
            String reviewRequired) {}
}
