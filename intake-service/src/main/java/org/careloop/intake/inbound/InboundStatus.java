package org.careloop.intake.inbound;

/** Where an inbound referral stands as an intake task: open until accepted or declined. */
public enum InboundStatus {
    OPEN,
    ACCEPTED,
    DECLINED
}
