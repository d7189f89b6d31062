package org.careloop.billing.claim;

/** A reason a claim is held, with the detail staff need to act on it. */
public record Hold(HoldReason reason, String detail) {}
