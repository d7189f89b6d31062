package org.careloop.referral.referral;

/** A referral's service-level clocks, both started when it is sent. */
public enum SlaClock {
    /** The partner has to accept or reject. */
    ACCEPTANCE,
    /** The client has to be seen: the first appointment booked. */
    FIRST_APPOINTMENT
}
