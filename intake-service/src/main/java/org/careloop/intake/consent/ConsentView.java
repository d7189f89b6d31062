package org.careloop.intake.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.careloop.platform.consent.ConsentKind;
import org.careloop.platform.consent.ConsentStatus;
import org.careloop.platform.consent.Purpose;

/** A consent as intake shows it, with where it stands today. */
public record ConsentView(
        UUID consentId,
        UUID clientId,
        ConsentKind kind,
        String recipient,
        List<Purpose> purposes,
        boolean coversPart2,
        LocalDate effectiveOn,
        LocalDate expiresOn,
        ConsentStatus status,
        Instant recordedAt,
        String recordedBy,
        Instant revokedAt,
        String revokedBy,
        String revocationReason) {

    static ConsentView of(ConsentRecord consent, LocalDate today) {
        return new ConsentView(
                consent.consentId,
                consent.clientId,
                consent.kind,
                consent.recipient,
                consent.purposeList(),
                consent.coversPart2,
                consent.effectiveOn,
                consent.expiresOn,
                consent.toClientConsent().status(today),
                consent.recordedAt,
                consent.recordedBy,
                consent.revokedAt,
                consent.revokedBy,
                consent.revocationReason);
    }
}
