package org.careloop.billing.authorization;

/** What a payer answered to a request (the first four) or to its appeal (the last two). */
public enum Outcome {
    APPROVED,
    PARTIALLY_APPROVED,
    PENDED,
    DENIED,
    OVERTURNED,
    UPHELD;

    /** An outcome that grants units: the authorization becomes ACTIVE. */
    public boolean grants() {
        return this == APPROVED || this == PARTIALLY_APPROVED || this == OVERTURNED;
    }

    public boolean answersAppeal() {
        return this == OVERTURNED || this == UPHELD;
    }
}
