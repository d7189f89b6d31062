package org.careloop.referral.referral;

/** What a partner says about a referral, as staff record it. */
public enum PartnerStatus {
    RECEIVED,
    ACCEPTED,
    REJECTED,
    IN_PROGRESS,
    COMPLETED,
    FAILED
}
