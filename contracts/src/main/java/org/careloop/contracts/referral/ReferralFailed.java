package org.careloop.contracts.referral;

import java.time.Instant;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.contracts.IntegrationEvent;

/** The partner tried but could not deliver the service (the client never came, say). */
@EventType("careloop.referral.ReferralFailed.v1")
public record ReferralFailed(
        UUID clientId,
        UUID referralId,
        String partnerId,
        String reason,
        Instant failedAt,
        String recordedBy)
        implements IntegrationEvent {}
