package org.careloop.risk.oncall;

import jakarta.validation.constraints.NotNull;

/** A supervisor has two shifts exchange their clinicians. */
public record SwapShifts(@NotNull String shiftId, @NotNull String otherShiftId) {}
