package org.careloop.intake.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.platform.consent.ConsentKind;
import org.careloop.platform.consent.Purpose;

/** What happened to one consent, as stored in intake's event store (a stream per consent). */
public sealed interface ConsentEvent {

    String STREAM = "consent";

    @EventType("intake.consent.ConsentRecorded")
    record Recorded(
            UUID consentId,
            UUID clientId,
            ConsentKind kind,
            String recipient,
            List<Purpose> purposes,
            boolean coversPart2,
            LocalDate effectiveOn,
            LocalDate expiresOn,
            Instant recordedAt,
            String recordedBy)
            implements ConsentEvent {

        public Recorded {
            purposes = List.copyOf(purposes);
        }
    }

    @EventType("intake.consent.ConsentRevoked")
    record Revoked(
            UUID consentId, UUID clientId, String reason, Instant revokedAt, String revokedBy)
            implements ConsentEvent {}
}
