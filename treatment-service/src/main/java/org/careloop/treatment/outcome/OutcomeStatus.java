package org.careloop.treatment.outcome;

/** Where a client stands on one instrument, comparing the latest score with the baseline. */
public enum OutcomeStatus {
    /** Only one score so far: nothing to compare it with. */
    BASELINE,
    /** The latest total is below the remission cut-off, from a baseline at or above it. */
    REMISSION,
    /** The latest total fell by the response fraction (50 %) or more from the baseline. */
    RESPONSE,
    /** The latest total rose by the instrument's deterioration points or more. */
    DETERIORATION,
    /** None of the above. */
    NO_RELIABLE_CHANGE
}
