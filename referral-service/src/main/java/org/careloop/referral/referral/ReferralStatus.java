package org.careloop.referral.referral;

/**
 * Where a referral stands, in FHIR Task statuses: DRAFT, REQUESTED (sent), RECEIVED, ACCEPTED or
 * REJECTED, IN_PROGRESS (first appointment booked), COMPLETED (outcome back) until the referrer
 * reviews it (CLOSED); FAILED, CANCELLED, and ON_HOLD in between.
 */
public enum ReferralStatus {
    DRAFT,
    REQUESTED,
    RECEIVED,
    ACCEPTED,
    REJECTED,
    IN_PROGRESS,
    ON_HOLD,
    COMPLETED,
    FAILED,
    CANCELLED,
    CLOSED;

    /** The loop is closed one way or another: nothing more will happen. */
    public boolean ended() {
        return this == REJECTED || this == FAILED || this == CANCELLED || this == CLOSED;
    }
}
