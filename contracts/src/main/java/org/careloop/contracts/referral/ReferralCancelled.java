package org.careloop.contracts.referral;

import java.time.Instant;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.contracts.IntegrationEvent;

/** The clinic withdrew the referral before the partner started the service. */
@EventType("careloop.referral.ReferralCancelled.v1")
public record ReferralCancelled(
        UUID clientId,
        UUID referralId,
        String partnerId,
        String reason,
        Instant cancelledAt,
        String cancelledBy)
        implements IntegrationEvent {}
