package org.careloop.treatment.plan;

/** How a signature was given; a verbal one over telehealth needs a witness. */
public enum SignatureMethod {
    IN_PERSON,
    ELECTRONIC,
    VERBAL_TELEHEALTH
}
