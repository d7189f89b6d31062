package org.careloop.risk.policy;

import org.careloop.contracts.RiskLevel;

/** How urgent a crisis alert is: HIGH risk is CRITICAL, MODERATE is URGENT. */
public enum Priority {
    CRITICAL,
    URGENT;

    public static Priority of(RiskLevel level) {
        return level == RiskLevel.HIGH ? CRITICAL : URGENT;
    }
}
