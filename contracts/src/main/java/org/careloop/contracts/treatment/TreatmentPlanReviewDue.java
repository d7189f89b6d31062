package org.careloop.contracts.treatment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.contracts.IntegrationEvent;

/** An active treatment plan reached its review date without having been revised. */
@EventType("careloop.treatment.TreatmentPlanReviewDue.v1")
public record TreatmentPlanReviewDue(
        UUID clientId, UUID planId, int version, LocalDate reviewDueOn, Instant dueAt)
        implements IntegrationEvent {}
