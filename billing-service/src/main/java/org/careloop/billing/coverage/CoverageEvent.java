package org.careloop.billing.coverage;

import java.time.Instant;
import java.util.UUID;
import org.careloop.contracts.EventType;

/** What happened to a client's insurance, in one stream per client. */
public sealed interface CoverageEvent {

    String STREAM = "coverage";

    UUID clientId();

    @EventType("billing.coverage.Recorded")
    record Recorded(UUID clientId, String payerId, RecordCoverage coverage, Instant at, String by)
            implements CoverageEvent {}
}
