package org.careloop.platform.consent;

/** Where a consent stands on a given day. */
public enum ConsentStatus {
    /** Its effective date is still to come. */
    PENDING,
    ACTIVE,
    /** Its expiry date has come: it is in force up to the day before. */
    EXPIRED,
    REVOKED
}
