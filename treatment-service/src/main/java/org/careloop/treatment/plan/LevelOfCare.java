package org.careloop.treatment.plan;

/** ASAM-style levels of care a behavioural-health plan is written for. */
public enum LevelOfCare {
    OUTPATIENT,
    INTENSIVE_OUTPATIENT,
    PARTIAL_HOSPITALIZATION,
    RESIDENTIAL,
    INPATIENT
}
