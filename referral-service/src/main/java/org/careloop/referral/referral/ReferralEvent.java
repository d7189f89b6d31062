package org.careloop.referral.referral;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.referral.partner.ServiceType;

/** What happened to one referral, in one stream per referral. */
public sealed interface ReferralEvent {

    String STREAM = "referral";

    UUID referralId();

    UUID clientId();

    /**
     * Drafted by the clinician {@code by}, or by another service's event ({@code origin}, null for
     * a clinician's own draft): then the partner may not be known yet, nor (with no primary
     * clinician) the referrer.
     */
    @EventType("referral.referral.Drafted")
    record Drafted(
            UUID referralId,
            UUID clientId,
            String partnerId,
            ServiceType serviceType,
            Urgency urgency,
            String reason,
            List<String> diagnoses,
            String notes,
            Instant at,
            String by,
            Origin origin)
            implements ReferralEvent {}

    /**
     * The draft completed or changed before sending, its service type kept; whoever amends a draft
     * without a referrer becomes its referrer.
     */
    @EventType("referral.referral.DraftAmended")
    record DraftAmended(
            UUID referralId,
            UUID clientId,
            String partnerId,
            Urgency urgency,
            String reason,
            List<String> diagnoses,
            String notes,
            Instant at,
            String by)
            implements ReferralEvent {}

    /** Sent under the client's consent {@code consentId}; both clocks start. */
    @EventType("referral.referral.Requested")
    record Requested(
            UUID referralId,
            UUID clientId,
            UUID consentId,
            boolean part2,
            Instant acceptanceDueAt,
            Instant seenDueAt,
            Instant at,
            String by)
            implements ReferralEvent {}

    @EventType("referral.referral.Received")
    record Received(UUID referralId, UUID clientId, Instant at, String by)
            implements ReferralEvent {}

    @EventType("referral.referral.Accepted")
    record Accepted(UUID referralId, UUID clientId, Instant at, String by)
            implements ReferralEvent {}

    @EventType("referral.referral.Rejected")
    record Rejected(UUID referralId, UUID clientId, String reason, Instant at, String by)
            implements ReferralEvent {}

    @EventType("referral.referral.AppointmentBooked")
    record AppointmentBooked(
            UUID referralId, UUID clientId, Instant appointmentAt, Instant at, String by)
            implements ReferralEvent {}

    @EventType("referral.referral.Completed")
    record Completed(
            UUID referralId,
            UUID clientId,
            String summary,
            String recommendations,
            List<String> attachments,
            Instant at,
            String by)
            implements ReferralEvent {}

    @EventType("referral.referral.Failed")
    record Failed(UUID referralId, UUID clientId, String reason, Instant at, String by)
            implements ReferralEvent {}

    @EventType("referral.referral.Closed")
    record Closed(UUID referralId, UUID clientId, Instant at, String by) implements ReferralEvent {}

    @EventType("referral.referral.Cancelled")
    record Cancelled(UUID referralId, UUID clientId, String reason, Instant at, String by)
            implements ReferralEvent {}

    @EventType("referral.referral.Held")
    record Held(UUID referralId, UUID clientId, String reason, Instant at, String by)
            implements ReferralEvent {}

    @EventType("referral.referral.Resumed")
    record Resumed(UUID referralId, UUID clientId, Instant at, String by)
            implements ReferralEvent {}

    @EventType("referral.referral.Overdue")
    record Overdue(UUID referralId, UUID clientId, SlaClock clock, Instant dueAt, Instant at)
            implements ReferralEvent {}
}
