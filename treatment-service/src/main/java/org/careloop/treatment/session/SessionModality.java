package org.careloop.treatment.session;

/** How the session was held: in person, or by telehealth with or without video. */
public enum SessionModality {
    IN_PERSON,
    VIDEO,
    AUDIO_ONLY
}
