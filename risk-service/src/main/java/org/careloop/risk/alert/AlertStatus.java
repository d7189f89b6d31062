package org.careloop.risk.alert;

/**
 * OPEN while it climbs the ladder; ACKNOWLEDGED once someone took it; EXHAUSTED when the ladder ran
 * out.
 */
public enum AlertStatus {
    OPEN,
    ACKNOWLEDGED,
    EXHAUSTED
}
