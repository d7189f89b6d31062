package org.careloop.contracts.treatment;

import java.time.Instant;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.contracts.IntegrationEvent;

/** A clinician left a client's care team (removed, or the client was discharged). */
@EventType("careloop.treatment.ClinicianUnassigned.v1")
public record ClinicianUnassigned(
        UUID clientId,
        String clinician,
        String role,
        String reason,
        Instant unassignedAt,
        String unassignedBy)
        implements IntegrationEvent {}
