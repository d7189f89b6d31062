package org.careloop.billing.coding;

/** Why a delivered session cannot be billed as coded. */
public enum CodingHold {
    /** Shorter than the least time any code of its kind requires. */
    BELOW_MINIMUM_TIME
}
