package org.careloop.risk.webhook;

import java.time.Instant;
import java.util.UUID;

/**
 * What a pager is told of one alert step: enough to page and link back, nothing that identifies the
 * client.
 */
public record Page(UUID alertId, String kind, String priority, String tier, int step, Instant at) {}
