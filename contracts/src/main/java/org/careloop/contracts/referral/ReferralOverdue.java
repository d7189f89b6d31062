package org.careloop.contracts.referral;

import java.time.Instant;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.contracts.IntegrationEvent;

/**
 * A referral's service-level clock lapsed: {@code clock} is ACCEPTANCE (the partner has not
 * answered) or FIRST_APPOINTMENT (the client has not been seen). Raised once per clock.
 */
@EventType("careloop.referral.ReferralOverdue.v1")
public record ReferralOverdue(
        UUID clientId,
        UUID referralId,
        String partnerId,
        String urgency,
        String clock,
        Instant dueAt,
        Instant lapsedAt)
        implements IntegrationEvent {}
