package org.careloop.risk.oncall;

import java.util.List;

/** A shift as its stream tells it: null before it was scheduled and after it was cancelled. */
final class ShiftState {

    private ShiftState() {}

    static Shift of(List<ShiftEvent> events) {
        Shift shift = null;
        for (ShiftEvent event : events) {
            shift = evolve(shift, event);
        }
        return shift;
    }

    static Shift evolve(Shift shift, ShiftEvent event) {
        return switch (event) {
            case ShiftEvent.ShiftScheduled s ->
                    new Shift(s.shiftId(), s.clinician(), s.tier(), s.startsAt(), s.endsAt());
            case ShiftEvent.ShiftCancelled c -> null;
            case ShiftEvent.ShiftEnded e ->
                    new Shift(
                            shift.shiftId(),
                            shift.clinician(),
                            shift.tier(),
                            shift.startsAt(),
                            e.endsAt());
            case ShiftEvent.ShiftReassigned r -> shift.heldBy(r.to());
            case ShiftEvent.ShiftsSwapped w -> shift.heldBy(w.to());
        };
    }
}
