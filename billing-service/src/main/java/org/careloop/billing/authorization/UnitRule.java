package org.careloop.billing.authorization;

/**
 * When remaining units are low enough to warn: at or below a share of those approved, or at or
 * below a number of units, whichever comes first (both configurable per clinic).
 */
public record UnitRule(double share, int units) {

    public UnitRule {
        if (share < 0 || share > 1 || units < 0) {
            throw new IllegalArgumentException("a share between 0 and 1 and units of 0 or more");
        }
    }

    public boolean low(int remaining, int approved) {
        return remaining <= units || remaining <= share * approved;
    }
}
