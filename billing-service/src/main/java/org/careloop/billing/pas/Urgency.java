package org.careloop.billing.pas;

/** How soon the payer must decide: EXPEDITED is sent as FHIR priority stat, STANDARD as normal. */
public enum Urgency {
    STANDARD,
    EXPEDITED
}
