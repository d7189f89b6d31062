package org.careloop.intake.inbound;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.careloop.contracts.EventType;

/** What happened to one partner's inbound referral at intake, in one stream per referral. */
public sealed interface InboundEvent {

    String STREAM = "inbound-referral";

    UUID inboundId();

    /** The partner's referral arrived: an open intake task. */
    @EventType("intake.inbound.Received")
    record Received(
            UUID inboundId,
            String partnerId,
            String partnerName,
            String partnerReference,
            String firstName,
            String lastName,
            LocalDate dateOfBirth,
            String phone,
            String email,
            String preferredLanguage,
            String serviceRequested,
            String reason,
            Urgency urgency,
            Instant receivedAt)
            implements InboundEvent {}

    /** Accepted by {@code by}, who registered the person as the client {@code clientId}. */
    @EventType("intake.inbound.Accepted")
    record Accepted(UUID inboundId, UUID clientId, Instant at, String by) implements InboundEvent {}

    /** Declined by {@code by}, for the reason the partner is told. */
    @EventType("intake.inbound.Declined")
    record Declined(UUID inboundId, String reason, Instant at, String by) implements InboundEvent {}
}
