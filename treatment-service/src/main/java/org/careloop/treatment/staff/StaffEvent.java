package org.careloop.treatment.staff;

import java.time.Instant;
import org.careloop.contracts.EventType;

/** What happened to a staff member's record, in one stream per username. */
public sealed interface StaffEvent {

    String STREAM = "staff";

    @EventType("treatment.staff.Credentialed")
    record Credentialed(
            String username,
            String displayName,
            Credential credential,
            boolean licensed,
            String supervisor,
            String npi,
            Instant credentialedAt,
            String credentialedBy)
            implements StaffEvent {}
}
