package org.careloop.contracts.treatment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.contracts.IntegrationEvent;

/**
 * A session's note became final (signed, and co-signed where the rendering clinician is not
 * licensed): everything a claim needs. {@code supervisingClinician} is null for a licensed
 * clinician; {@code diagnoses} come from the plan active on the session's date, primary first;
 * {@code groupSessionId} ties the attendees of one group session together.
 */
@EventType("careloop.treatment.SessionDocumented.v1")
public record SessionDocumented(
        UUID clientId,
        UUID sessionId,
        String type,
        Instant startedAt,
        Instant endedAt,
        int minutes,
        String modality,
        String clientLocation,
        boolean interactiveComplexity,
        String renderingClinician,
        String supervisingClinician,
        List<Diagnosis> diagnoses,
        UUID planId,
        UUID groupSessionId,
        Instant documentedAt)
        implements IntegrationEvent {}
