package org.careloop.contracts.intake;

import java.time.Instant;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.contracts.IntegrationEvent;

/**
 * An intake coordinator accepted a partner's inbound referral: the person is registered as the
 * client {@code clientId} (its ClientRegistered goes out in the same decision).
 */
@EventType("careloop.intake.InboundReferralAccepted.v1")
public record InboundReferralAccepted(UUID inboundId, UUID clientId, Instant at, String by)
        implements IntegrationEvent {}
