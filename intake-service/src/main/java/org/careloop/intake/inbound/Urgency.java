package org.careloop.intake.inbound;

/** How soon the referring partner asks the clinic to see the person; the most urgent first. */
public enum Urgency {
    EMERGENT,
    URGENT,
    ROUTINE
}
