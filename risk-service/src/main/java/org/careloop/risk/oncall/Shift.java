package org.careloop.risk.oncall;

import java.time.Instant;
import java.util.UUID;

/**
 * One clinician holding one tier from {@code startsAt} until {@code endsAt}, as the rules see it.
 */
public record Shift(UUID shiftId, String clinician, Tier tier, Instant startsAt, Instant endsAt) {

    boolean overlaps(Instant from, Instant to) {
        return startsAt.isBefore(to) && endsAt.isAfter(from);
    }

    boolean overlaps(Shift other) {
        return overlaps(other.startsAt, other.endsAt);
    }

    boolean isOverAt(Instant now) {
        return !endsAt.isAfter(now);
    }

    Shift heldBy(String other) {
        return new Shift(shiftId, other, tier, startsAt, endsAt);
    }

    static Shift of(OnCallShift row) {
        return new Shift(row.shiftId, row.clinician, row.tier, row.startsAt, row.endsAt);
    }
}
