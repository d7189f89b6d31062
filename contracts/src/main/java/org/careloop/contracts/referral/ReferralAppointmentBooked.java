package org.careloop.contracts.referral;

import java.time.Instant;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.contracts.IntegrationEvent;

/** The partner booked the client's first appointment: the referral is in progress. */
@EventType("careloop.referral.ReferralAppointmentBooked.v1")
public record ReferralAppointmentBooked(
        UUID clientId,
        UUID referralId,
        String partnerId,
        Instant appointmentAt,
        Instant recordedAt,
        String recordedBy)
        implements IntegrationEvent {}
