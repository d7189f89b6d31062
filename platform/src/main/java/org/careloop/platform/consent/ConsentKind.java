package org.careloop.platform.consent;

/**
 * What a client consents to: receiving care, receiving it by telehealth, or a disclosure of their
 * record to a named recipient.
 */
public enum ConsentKind {
    TREATMENT,
    TELEHEALTH,
    DISCLOSURE
}
