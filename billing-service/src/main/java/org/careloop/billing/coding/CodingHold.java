package org.careloop.billing.coding;

/** Why a delivered session cannot be billed as coded. */
public enum CodingHold {
    /** Shorter than the least time any code of its kind requires. */
    BELOW_MINIMUM_TIME,
    /**
     * Of a type, modality or client location this coder does not know (a newer treatment-service
     * announcing a kind of session billing has no rule for): no code is guessed.
     */
    NOT_CODABLE
}
