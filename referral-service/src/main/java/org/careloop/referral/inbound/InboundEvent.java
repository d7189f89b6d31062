package org.careloop.referral.inbound;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.referral.referral.Urgency;

/** What happened to one partner's inbound referral, in one stream per inbound referral. */
public sealed interface InboundEvent {

    String STREAM = "inbound-referral";

    UUID inboundId();

    /** The partner {@code partnerId} referred the person to the clinic. */
    @EventType("referral.inbound.Received")
    record Received(
            UUID inboundId,
            String partnerId,
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
            Instant at)
            implements InboundEvent {}

    /** Intake accepted it (and registered the person as a client) at {@code at}. */
    @EventType("referral.inbound.Accepted")
    record Accepted(UUID inboundId, Instant at, String by) implements InboundEvent {}

    /** Intake declined it, for the reason the partner is shown. */
    @EventType("referral.inbound.Declined")
    record Declined(UUID inboundId, String reason, Instant at, String by) implements InboundEvent {}
}
