package org.careloop.contracts.access;

import java.time.Instant;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.contracts.IntegrationEvent;

/** A supervisor reviewed an emergency access: whether it was justified, and what they noted. */
@EventType("careloop.access.EmergencyAccessReviewed.v1")
public record EmergencyAccessReviewed(
        UUID clientId,
        UUID grantId,
        String finding,
        String note,
        String reviewedBy,
        Instant reviewedAt)
        implements IntegrationEvent {}
