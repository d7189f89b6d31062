package org.careloop.platform.consent;

/** Why a record is disclosed: the HIPAA and 42 CFR Part 2 purposes a consent may name. */
public enum Purpose {
    TREATMENT,
    PAYMENT,
    HEALTH_CARE_OPERATIONS
}
