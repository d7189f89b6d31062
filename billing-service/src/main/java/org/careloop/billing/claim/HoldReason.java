package org.careloop.billing.claim;

/** Why a claim cannot go out as it stands; each names what billing staff can do about it. */
public enum HoldReason {
    /** No coverage in effect on the service date: record the client's insurance. */
    NO_COVERAGE,
    /** The payer requires authorization for the code and none covers the date. */
    NO_AUTHORIZATION,
    /** An authorization covers the date but its units are used up: request more. */
    AUTHORIZATION_EXHAUSTED,
    /** The authorization for the code ended before the service date. */
    AUTHORIZATION_EXPIRED,
    /** Under the minimum time of the code: not billable (clinical reference, CPT time rules). */
    BELOW_MINIMUM_TIME,
    /** A kind of session billing has no coding rule for: code it by hand, or teach the coder. */
    NOT_CODABLE,
    /** No treatment plan, or its review was overdue on the service date. */
    NO_ACTIVE_PLAN,
    /** The session carries no diagnosis. */
    MISSING_DIAGNOSIS,
    /**
     * The rendering provider (or the supervising one, where the payer bills under them) has no NPI.
     */
    MISSING_NPI,
    /** The payer's fee schedule has no fee for a code on the claim. */
    NO_FEE,
    /**
     * The claim would disclose a substance use disorder record (42 CFR Part 2) to the payer without
     * the client's consent covering it: record the consent at intake.
     */
    CONSENT_REQUIRED,
    /** The payer's timely filing limit passed before the claim could go: an appeal, not a claim. */
    TIMELY_FILING_PASSED
}
