package org.careloop.contracts;

/**
 * Suicide risk, from none to high, in the words every service uses (clinical reference, "Risk
 * levels used across the system"); the order matters. Events carry it by name, so a reader meeting
 * a level it does not know can still read the rest of the event.
 */
public enum RiskLevel {
    NONE,
    LOW,
    MODERATE,
    HIGH;

    public boolean above(RiskLevel other) {
        return compareTo(other) > 0;
    }

    /** The higher of the two. */
    public RiskLevel atLeast(RiskLevel other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
