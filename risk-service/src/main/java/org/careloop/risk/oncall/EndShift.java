package org.careloop.risk.oncall;

import java.time.Instant;

/** A supervisor ends a shift under way early; without {@code endsAt}, now. */
public record EndShift(Instant endsAt) {}
