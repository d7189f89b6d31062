package org.careloop.referral.partner;

/** What a partner offers and a referral asks for. */
public enum ServiceType {
    PSYCHIATRY,
    IOP,
    PHP,
    INPATIENT,
    CRISIS_STABILISATION,
    SUD_TREATMENT,
    HOUSING,
    PEER_SUPPORT,
    OTHER
}
