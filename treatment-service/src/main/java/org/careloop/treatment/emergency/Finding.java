package org.careloop.treatment.emergency;

/** What the reviewing supervisor found. */
public enum Finding {
    /** The emergency was real and the access kept to it. */
    JUSTIFIED,
    /** The access was not needed, or went beyond the emergency: follow up with the person. */
    NOT_JUSTIFIED
}
