package org.careloop.treatment.session;

/** The kinds of session a clinic documents (and bills by different codes). */
public enum SessionType {
    INDIVIDUAL,
    FAMILY_WITH_CLIENT,
    FAMILY_WITHOUT_CLIENT,
    GROUP,
    CRISIS,
    DIAGNOSTIC_EVALUATION
}
