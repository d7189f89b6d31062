package org.careloop.billing.coding;

/** How the clinician and the client met. */
public enum Modality {
    IN_PERSON,
    VIDEO,
    AUDIO_ONLY
}
