package org.careloop.contracts.treatment;

import java.time.Instant;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.contracts.IntegrationEvent;

/**
 * A clinician joined a client's care team in a role: PRIMARY, ASSOCIATE, PRESCRIBER or
 * CASE_MANAGER.
 */
@EventType("careloop.treatment.ClinicianAssigned.v1")
public record ClinicianAssigned(
        UUID clientId, String clinician, String role, Instant assignedAt, String assignedBy)
        implements IntegrationEvent {}
