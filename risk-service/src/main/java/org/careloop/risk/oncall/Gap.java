package org.careloop.risk.oncall;

import java.time.Instant;

/** A period in which nobody holds a tier. */
public record Gap(Tier tier, Instant from, Instant to) {}
