package org.careloop.platform.access;

import java.time.Instant;
import java.util.UUID;
import org.careloop.contracts.EventType;

/** What happened to an emergency access, in one stream per grant. */
public sealed interface EmergencyAccessEvent {

    String STREAM = "emergency-access";

    @EventType("platform.access.EmergencyAccessGranted")
    record Granted(
            UUID grantId,
            UUID clientId,
            String username,
            String reason,
            Instant grantedAt,
            Instant expiresAt)
            implements EmergencyAccessEvent {}
}
