package org.careloop.billing.export;

import java.time.Instant;
import java.util.List;

/**
 * One file of claims from the clinic to a clearinghouse. The control number is unique and
 * increasing across files, 1 to 999999999; the creation time is written in UTC.
 */
public record Interchange(
        long controlNumber,
        Instant createdAt,
        boolean production,
        Party submitter,
        Party receiver,
        BillingProvider billingProvider,
        List<ProfessionalClaim> claims) {

    static final long LARGEST_CONTROL_NUMBER = 999_999_999L;

    // ISA06 and ISA08 are fifteen characters.
    private static final int MOST_INTERCHANGE_ID = 15;

    public Interchange {
        if (controlNumber < 1 || controlNumber > LARGEST_CONTROL_NUMBER) {
            throw new IllegalArgumentException(
                    "Interchange.controlNumber must be 1 to " + LARGEST_CONTROL_NUMBER);
        }
        FieldRules.required(createdAt, "Interchange.createdAt");
        FieldRules.required(submitter, "Interchange.submitter");
        FieldRules.text(submitter.id(), "Interchange.submitter.id", 2, MOST_INTERCHANGE_ID);
        FieldRules.required(receiver, "Interchange.receiver");
        FieldRules.text(receiver.id(), "Interchange.receiver.id", 2, MOST_INTERCHANGE_ID);
        FieldRules.required(billingProvider, "Interchange.billingProvider");
        FieldRules.required(claims, "Interchange.claims");
        claims = List.copyOf(claims);
        if (claims.isEmpty()) {
            throw new IllegalArgumentException("Interchange.claims must hold at least one claim");
        }
    }
}
