package org.careloop.treatment.staff;

/**
 * A clinician's credential. Associates and trainees practise under a licensed supervisor, who
 * co-signs their plans and notes; the others may be independently licensed.
 */
public enum Credential {
    LCSW,
    LPC,
    LMFT,
    LMHC,
    PSYCHOLOGIST,
    PSYCHIATRIST,
    NP,
    PA,
    RN,
    CADC,
    PEER_SPECIALIST,
    CASE_MANAGER,
    ASSOCIATE,
    TRAINEE;

    /** Associates and trainees can never be independently licensed. */
    public boolean supervisedByDefinition() {
        return this == ASSOCIATE || this == TRAINEE;
    }
}
