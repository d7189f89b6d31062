package org.careloop.billing.coding;

/** What kind of session was delivered, as the coder needs to know it. */
public enum SessionKind {
    INDIVIDUAL,
    FAMILY_WITH_CLIENT,
    FAMILY_WITHOUT_CLIENT,
    GROUP,
    CRISIS,
    DIAGNOSTIC_EVALUATION
}
