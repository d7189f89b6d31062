package org.careloop.referral.referral;

/** How soon the partner should answer and see the client. */
public enum Urgency {
    EMERGENT,
    URGENT,
    ROUTINE
}
