package org.careloop.contracts.referral;

import java.time.Instant;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.contracts.IntegrationEvent;

/** The referring clinician reviewed the partner's outcome: the loop is closed. */
@EventType("careloop.referral.ReferralClosed.v1")
public record ReferralClosed(
        UUID clientId, UUID referralId, String partnerId, Instant closedAt, String closedBy)
        implements IntegrationEvent {}
