package org.careloop.billing.claim;

/** READY to export, HELD with reasons, EXPORTED in an 837P, or VOIDED with its session. */
public enum ClaimStatus {
    READY,
    HELD,
    EXPORTED,
    VOIDED
}
