package org.careloop.treatment.session;

/** Where a session's note stands; SIGNED and COSIGNED are final (the note is locked). */
public enum SessionStatus {
    DRAFT,
    AWAITING_COSIGN,
    SIGNED,
    COSIGNED,
    VOIDED
}
