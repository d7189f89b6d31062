package org.careloop.risk.oncall;

import java.time.Instant;
import java.util.UUID;
import org.careloop.contracts.EventType;

/** The life of one on-call shift, stored in its own stream. */
public sealed interface ShiftEvent {

    String STREAM = "on-call-shift";

    UUID shiftId();

    @EventType("risk.oncall.ShiftScheduled")
    record ShiftScheduled(
            UUID shiftId,
            String clinician,
            Tier tier,
            Instant startsAt,
            Instant endsAt,
            String scheduledBy,
            Instant scheduledAt)
            implements ShiftEvent {}

    @EventType("risk.oncall.ShiftCancelled")
    record ShiftCancelled(UUID shiftId, String cancelledBy, Instant cancelledAt)
            implements ShiftEvent {}
}
