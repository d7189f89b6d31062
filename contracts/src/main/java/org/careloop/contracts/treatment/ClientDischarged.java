package org.careloop.contracts.treatment;

import java.time.Instant;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.contracts.IntegrationEvent;

/**
 * A client's episode of care ended: the care team and the open plan closed. {@code aftercare} says
 * what comes next (a step-down referral drafts from it).
 */
@EventType("careloop.treatment.ClientDischarged.v1")
public record ClientDischarged(
        UUID clientId,
        String reason,
        boolean criteriaMet,
        String aftercare,
        Instant dischargedAt,
        String dischargedBy)
        implements IntegrationEvent {}
