package org.careloop.contracts.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.contracts.IntegrationEvent;

/**
 * A client's consent was recorded at intake. {@code kind} is TREATMENT, TELEHEALTH or DISCLOSURE;
 * only a DISCLOSURE consent names a {@code recipient} (a partner's or payer's id) and {@code
 * purposes} (TREATMENT, PAYMENT, HEALTH_CARE_OPERATIONS), and only it may cover 42 CFR Part 2
 * records. The consent is in force from {@code effectiveOn} until the day before {@code expiresOn}
 * (null: until revoked).
 */
@EventType("careloop.intake.ConsentRecorded.v1")
public record ConsentRecorded(
        UUID clientId,
        UUID consentId,
        String kind,
        String recipient,
        List<String> purposes,
        boolean coversPart2,
        LocalDate effectiveOn,
        LocalDate expiresOn,
        Instant recordedAt,
        String recordedBy)
        implements IntegrationEvent {}
