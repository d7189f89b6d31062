package org.careloop.treatment.emergency;

import java.time.Instant;
import java.util.UUID;
import org.careloop.contracts.EventType;

/** A supervisor's review of one emergency access, in one stream per grant. */
public sealed interface ReviewEvent {

    String STREAM = "emergency-access-review";

    @EventType("treatment.emergency.Reviewed")
    record Reviewed(
            UUID grantId,
            UUID clientId,
            Finding finding,
            String note,
            String reviewedBy,
            Instant reviewedAt)
            implements ReviewEvent {}
}
