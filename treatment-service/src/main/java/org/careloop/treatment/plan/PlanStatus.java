package org.careloop.treatment.plan;

/** Where one version of a plan stands. */
public enum PlanStatus {
    DRAFT,
    AWAITING_CLIENT_SIGNATURE,
    AWAITING_COSIGNATURE,
    ACTIVE,
    /** An active version a later one replaced. */
    SUPERSEDED,
    /** A draft a later draft replaced before it was approved. */
    REPLACED,
    CLOSED
}
