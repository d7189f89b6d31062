package org.careloop.contracts.referral;

import java.time.Instant;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.contracts.IntegrationEvent;

/** The partner accepted the referral; {@code recordedBy} is the staff member who recorded it. */
@EventType("careloop.referral.ReferralAccepted.v1")
public record ReferralAccepted(
        UUID clientId, UUID referralId, String partnerId, Instant acceptedAt, String recordedBy)
        implements IntegrationEvent {}
