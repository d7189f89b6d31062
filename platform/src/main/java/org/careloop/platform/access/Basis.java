package org.careloop.platform.access;

/** Why a caller may reach a client's data, or that they may not. */
public enum Basis {
    /** The caller is on the client's care team. */
    CARE_TEAM,
    /** The caller supervises someone on the client's care team. */
    SUPERVISION,
    /** A crisis alert about the client was addressed to or acknowledged by the caller. */
    ALERT,
    /** The caller broke the glass: time-limited, reviewed afterwards. */
    EMERGENCY,
    /** The caller has work of their own about the client under way here (an open referral). */
    OWN_WORK,
    /** The caller's role reaches every client of this service (intake registering, billing). */
    ROLE,
    /** No relation to the client. */
    NONE
}
