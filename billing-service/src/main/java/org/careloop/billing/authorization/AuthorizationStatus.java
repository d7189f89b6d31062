package org.careloop.billing.authorization;

/**
 * Where an authorization stands: DRAFT, REQUESTED (decision due), PENDED (the payer wants more),
 * ACTIVE (approved, in whole or part, or overturned on appeal) until EXHAUSTED or EXPIRED; DENIED,
 * then APPEALED, then ACTIVE again or UPHELD.
 */
public enum AuthorizationStatus {
    DRAFT,
    REQUESTED,
    PENDED,
    ACTIVE,
    EXHAUSTED,
    EXPIRED,
    DENIED,
    APPEALED,
    UPHELD;

    /** Approved at some point: sessions within its dates may use its units. */
    public boolean granted() {
        return this == ACTIVE || this == EXHAUSTED || this == EXPIRED;
    }

    public boolean awaitingDecision() {
        return this == REQUESTED || this == PENDED;
    }
}
