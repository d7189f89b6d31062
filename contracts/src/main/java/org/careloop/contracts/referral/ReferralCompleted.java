package org.careloop.contracts.referral;

import java.time.Instant;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.contracts.IntegrationEvent;

/**
 * The partner finished the referred service and sent its outcome back; the referring clinician
 * reviews it to close the loop.
 */
@EventType("careloop.referral.ReferralCompleted.v1")
public record ReferralCompleted(
        UUID clientId,
        UUID referralId,
        String partnerId,
        String summary,
        String recommendations,
        Instant completedAt,
        String recordedBy)
        implements IntegrationEvent {}
