package org.careloop.platform.consent;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * One consent of a client as a disclosure check needs it. A consent is in force from {@code
 * effectiveOn} up to the day before {@code expiresOn} (no expiry: until revoked); a revoked consent
 * permits nothing, whatever its dates.
 */
public record ClientConsent(
        UUID consentId,
        ConsentKind kind,
        String recipient,
        Set<Purpose> purposes,
        boolean coversPart2,
        LocalDate effectiveOn,
        LocalDate expiresOn,
        boolean revoked) {

    public ClientConsent {
        purposes = Set.copyOf(purposes);
    }

    public ConsentStatus status(LocalDate today) {
        if (revoked) {
            return ConsentStatus.REVOKED;
        }
        if (expiresOn != null && !today.isBefore(expiresOn)) {
            return ConsentStatus.EXPIRED;
        }
        if (today.isBefore(effectiveOn)) {
            return ConsentStatus.PENDING;
        }
        return ConsentStatus.ACTIVE;
    }

    public boolean activeOn(LocalDate today) {
        return status(today) == ConsentStatus.ACTIVE;
    }
}
