package org.careloop.treatment.plan;

import java.util.List;
import org.careloop.contracts.treatment.Diagnosis;

/** The version of a client's plan in force, for the features that act on it. */
public record ActivePlan(
        java.util.UUID planId, int version, List<Diagnosis> diagnoses, PlanContent content) {}
