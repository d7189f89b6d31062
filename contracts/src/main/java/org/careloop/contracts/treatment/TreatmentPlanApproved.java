package org.careloop.contracts.treatment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.contracts.IntegrationEvent;

/**
 * A version of a client's treatment plan became the active one, every signature in: the author's,
 * the client's and, when the author is not licensed, the supervisor's ({@code cosignedBy}).
 */
@EventType("careloop.treatment.TreatmentPlanApproved.v1")
public record TreatmentPlanApproved(
        UUID clientId,
        UUID planId,
        int version,
        String author,
        String cosignedBy,
        List<Diagnosis> diagnoses,
        String levelOfCare,
        Instant approvedAt,
        LocalDate reviewDueOn)
        implements IntegrationEvent {}
