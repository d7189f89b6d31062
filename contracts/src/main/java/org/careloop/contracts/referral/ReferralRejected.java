package org.careloop.contracts.referral;

import java.time.Instant;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.contracts.IntegrationEvent;

/** The partner declined the referral, for the reason it gave. */
@EventType("careloop.referral.ReferralRejected.v1")
public record ReferralRejected(
        UUID clientId,
        UUID referralId,
        String partnerId,
        String reason,
        Instant rejectedAt,
        String recordedBy)
        implements IntegrationEvent {}
