package org.careloop.billing.pas;

/** What a payer decided about a prior authorization as a whole. */
public enum Outcome {
    APPROVED,
    PARTIALLY_APPROVED,
    DENIED
}
