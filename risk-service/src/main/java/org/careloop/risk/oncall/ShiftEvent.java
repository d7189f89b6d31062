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

    /** The shift ends early, at {@code endsAt} instead of {@code previousEndsAt}. */
    @EventType("risk.oncall.ShiftEnded")
    record ShiftEnded(
            UUID shiftId, Instant previousEndsAt, Instant endsAt, String endedBy, Instant endedAt)
            implements ShiftEvent {}

    /** Another clinician holds the shift from {@code at} on; {@code from} held it until then. */
    @EventType("risk.oncall.ShiftReassigned")
    record ShiftReassigned(UUID shiftId, String from, String to, String reassignedBy, Instant at)
            implements ShiftEvent {}

    /**
     * Two shifts exchanged their clinicians; recorded in each shift's stream, {@code from} and
     * {@code to} as seen from this one.
     */
    @EventType("risk.oncall.ShiftsSwapped")
    record ShiftsSwapped(
            UUID shiftId,
            UUID otherShiftId,
            String from,
            String to,
            String swappedBy,
            Instant swappedAt)
            implements ShiftEvent {}
}
