package org.careloop.risk.oncall;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.careloop.platform.eventstore.StoredEvent;
import org.careloop.platform.projection.StoreProjection;

/**
 * The on-call rota: every shift that stands, with its end and holder as last changed, projected
 * from the shift streams.
 */
@ApplicationScoped
public class Rota implements StoreProjection {

    @Override
    public String name() {
        return "on-call-rota";
    }

    @Override
    public String table() {
        return "on_call_shift";
    }

    @Override
    public String streamType() {
        return ShiftEvent.STREAM;
    }

    @Override
    public Uni<Void> reset() {
        return OnCallShift.deleteAll().replaceWithVoid();
    }

    @Override
    public Uni<Void> apply(StoredEvent stored) {
        ShiftEvent event = stored.decode(ShiftEvent.class);
        if (event instanceof ShiftEvent.ShiftScheduled scheduled) {
            OnCallShift shift = new OnCallShift();
            shift.shiftId = scheduled.shiftId();
            shift.clinician = scheduled.clinician();
            shift.tier = scheduled.tier();
            shift.startsAt = scheduled.startsAt();
            shift.endsAt = scheduled.endsAt();
            shift.scheduledBy = scheduled.scheduledBy();
            shift.scheduledAt = scheduled.scheduledAt();
            return shift.persist().replaceWithVoid();
        }
        if (event instanceof ShiftEvent.ShiftCancelled) {
            return OnCallShift.deleteById(event.shiftId()).replaceWithVoid();
        }
        // Changed on the managed row, so a read later in the same transaction sees the change.
        return OnCallShift.<OnCallShift>findById(event.shiftId())
                .invoke(
                        shift -> {
                            switch (event) {
                                case ShiftEvent.ShiftEnded ended -> shift.endsAt = ended.endsAt();
                                case ShiftEvent.ShiftReassigned reassigned ->
                                        shift.clinician = reassigned.to();
                                case ShiftEvent.ShiftsSwapped swapped ->
                                        shift.clinician = swapped.to();
                                default ->
                                        throw new IllegalStateException(
                                                "not a change of a standing shift: " + event);
                            }
                        })
                .replaceWithVoid();
    }
}
