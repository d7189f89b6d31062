package org.careloop.contracts.referral;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.contracts.IntegrationEvent;

/**
 * A clinician sent a referral to a partner. {@code serviceType} is one of the partner directory's
 * services (PSYCHIATRY, IOP, ...), {@code urgency} EMERGENT, URGENT or ROUTINE; the partner owes an
 * acceptance by {@code acceptanceDueAt} and a first appointment by {@code seenDueAt}.
 */
@EventType("careloop.referral.ReferralRequested.v1")
public record ReferralRequested(
        UUID clientId,
        UUID referralId,
        String partnerId,
        String serviceType,
        String urgency,
        String reason,
        List<String> diagnoses,
        Instant acceptanceDueAt,
        Instant seenDueAt,
        Instant requestedAt,
        String requestedBy)
        implements IntegrationEvent {}
