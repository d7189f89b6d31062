package org.careloop.intake.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.careloop.platform.consent.ConsentKind;
import org.careloop.platform.consent.Purpose;
import org.careloop.platform.problem.InvalidCommand;
import org.careloop.platform.problem.Refused;

/**
 * Decides what recording and revoking a consent mean. Pure: the consent's history, the time and the
 * new id are passed in.
 */
public final class ConsentDecider {

    private ConsentDecider() {}

    public static List<ConsentEvent> record(
            UUID consentId,
            UUID clientId,
            RecordConsent command,
            String recordedBy,
            Instant now,
            ZoneId clinicZone) {
        LocalDate today = now.atZone(clinicZone).toLocalDate();
        String recipient = blankToNull(command.recipient());
        List<Purpose> purposes = command.purposes() == null ? List.of() : command.purposes();
        boolean coversPart2 = Boolean.TRUE.equals(command.coversPart2());
        if (command.kind() == ConsentKind.DISCLOSURE) {
            if (recipient == null) {
                throw new InvalidCommand(
                        "recipient",
                        "is required for a DISCLOSURE consent: the partner or payer it permits"
                                + " disclosing to");
            }
            if (purposes.isEmpty()) {
                throw new InvalidCommand(
                        "purposes",
                        "a DISCLOSURE consent names at least one purpose: TREATMENT, PAYMENT or"
                                + " HEALTH_CARE_OPERATIONS");
            }
        } else {
            if (recipient != null) {
                throw new InvalidCommand(
                        "recipient", "only a DISCLOSURE consent names a recipient");
            }
            if (!purposes.isEmpty()) {
                throw new InvalidCommand("purposes", "only a DISCLOSURE consent names purposes");
            }
            if (coversPart2) {
                throw new InvalidCommand(
                        "coversPart2", "only a DISCLOSURE consent covers Part 2 records");
            }
        }
        List<Purpose> seen = new ArrayList<>();
        for (int i = 0; i < purposes.size(); i++) {
            if (seen.contains(purposes.get(i))) {
                throw new InvalidCommand(
                        "purposes[" + i + "]", "names " + purposes.get(i) + " a second time");
            }
            seen.add(purposes.get(i));
        }
        LocalDate effectiveOn = command.effectiveOn() == null ? today : command.effectiveOn();
        LocalDate expiresOn = command.expiresOn();
        if (expiresOn != null) {
            if (!expiresOn.isAfter(effectiveOn)) {
                throw new InvalidCommand(
                        "expiresOn", "must be after effectiveOn (" + effectiveOn + ")");
            }
            if (!expiresOn.isAfter(today)) {
                throw new InvalidCommand(
                        "expiresOn",
                        "must be after today: a consent is no longer in force from its expiry"
                                + " day");
            }
        }
        return List.of(
                new ConsentEvent.Recorded(
                        consentId,
                        clientId,
                        command.kind(),
                        recipient,
                        purposes,
                        coversPart2,
                        effectiveOn,
                        expiresOn,
                        now,
                        recordedBy));
    }

    public static List<ConsentEvent> revoke(
            UUID consentId,
            UUID clientId,
            List<ConsentEvent> history,
            RevokeConsent command,
            String revokedBy,
            Instant now) {
        ConsentEvent.Recorded recorded = null;
        ConsentEvent.Revoked revoked = null;
        for (ConsentEvent event : history) {
            switch (event) {
                case ConsentEvent.Recorded r -> recorded = r;
                case ConsentEvent.Revoked r -> revoked = r;
            }
        }
        if (recorded == null || !recorded.clientId().equals(clientId)) {
            throw Refused.notFound("consent", "no consent " + consentId + " of client " + clientId);
        }
        if (revoked != null) {
            throw Refused.conflict(
                    "consent-revoked",
                    "consent "
                            + consentId
                            + " was already revoked at "
                            + revoked.revokedAt()
                            + " by "
                            + revoked.revokedBy());
        }
        return List.of(
                new ConsentEvent.Revoked(
                        consentId, clientId, command.reason().strip(), now, revokedBy));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
