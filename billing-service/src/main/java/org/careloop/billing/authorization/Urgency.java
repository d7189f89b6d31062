package org.careloop.billing.authorization;

/** How fast the payer must decide: 72 hours expedited, 7 calendar days standard (CMS-0057-F). */
public enum Urgency {
    STANDARD,
    EXPEDITED
}
