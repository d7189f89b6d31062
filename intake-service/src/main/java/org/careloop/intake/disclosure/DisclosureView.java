package org.careloop.intake.disclosure;

import java.time.Instant;
import java.util.UUID;

/** One line of a client's accounting of disclosures. */
public record DisclosureView(
        UUID disclosureId,
        String recipient,
        String purpose,
        boolean part2,
        UUID consentId,
        String what,
        String redisclosureNotice,
        Instant disclosedAt,
        String disclosedBy,
        String service) {

    static DisclosureView of(DisclosureRecord record) {
        return new DisclosureView(
                record.disclosureId,
                record.recipient,
                record.purpose,
                record.part2,
                record.consentId,
                record.what,
                record.redisclosureNotice,
                record.disclosedAt,
                record.disclosedBy,
                record.service);
    }
}
