package org.careloop.intake.assessment;

/** Suicide risk as the screens grade it, from none to high; the order matters. */
public enum RiskLevel {
    NONE, LOW, MODERATE, HIGH;

    RiskLevel atLeast(RiskLevel other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
