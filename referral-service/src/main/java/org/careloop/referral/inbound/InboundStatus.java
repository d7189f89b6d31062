package org.careloop.referral.inbound;

/** Where a partner's inbound referral stands: received, then accepted or declined by intake. */
public enum InboundStatus {
    RECEIVED,
    ACCEPTED,
    DECLINED
}
