package org.careloop.risk.risklevel;

/** Suicide risk, from none to high; the order matters (clinical reference, "Risk levels used across the system"). */
public enum RiskLevel {
    NONE, LOW, MODERATE, HIGH;

    public boolean above(RiskLevel other) {
        return compareTo(other) > 0;
    }
}
