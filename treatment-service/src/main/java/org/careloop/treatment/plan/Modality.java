package org.careloop.treatment.plan;

/** The therapeutic approach of an intervention. */
public enum Modality {
    CBT,
    DBT,
    EMDR,
    ACT,
    MOTIVATIONAL_INTERVIEWING,
    FAMILY_THERAPY,
    GROUP_THERAPY,
    PSYCHODYNAMIC,
    MEDICATION_MANAGEMENT,
    CASE_MANAGEMENT,
    PSYCHOEDUCATION,
    SUPPORTIVE
}
