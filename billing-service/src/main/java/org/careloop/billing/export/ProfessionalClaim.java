package org.careloop.billing.export;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One claim: the patient control number is our claim id (at most 20 characters, the most a payer
 * must return on its remittance); diagnoses are ICD-10-CM codes as written, primary first.
 */
public record ProfessionalClaim(
        String patientControlNumber,
        Party payer,
        Subscriber subscriber,
        String placeOfService,
        String authorizationNumber,
        List<String> diagnoses,
        Provider rendering,
        Provider supervising,
        List<ProfessionalLine> lines) {

    private static final Pattern PLACE_OF_SERVICE = Pattern.compile("\\d{2}");
    private static final Pattern ICD_10_CM =
            Pattern.compile("[A-Z][0-9][0-9A-Z](\\.?[0-9A-Z]{1,4})?");

    // 837P: HI holds up to twelve diagnoses and a claim up to fifty service lines.
    static final int MOST_DIAGNOSES = 12;
    static final int MOST_LINES = 50;

    public ProfessionalClaim {
        patientControlNumber =
                FieldRules.text(
                        patientControlNumber, "ProfessionalClaim.patientControlNumber", 1, 20);
        FieldRules.required(payer, "ProfessionalClaim.payer");
        FieldRules.required(subscriber, "ProfessionalClaim.subscriber");
        FieldRules.matching(
                placeOfService,
                "ProfessionalClaim.placeOfService",
                PLACE_OF_SERVICE,
                "a two-digit place of service code");
        authorizationNumber =
                FieldRules.optionalText(
                        authorizationNumber, "ProfessionalClaim.authorizationNumber", 1, 50);
        FieldRules.required(diagnoses, "ProfessionalClaim.diagnoses");
        diagnoses = List.copyOf(diagnoses);
        if (diagnoses.isEmpty() || diagnoses.size() > MOST_DIAGNOSES) {
            throw new IllegalArgumentException(
                    "ProfessionalClaim.diagnoses must hold 1 to " + MOST_DIAGNOSES);
        }
        diagnoses.forEach(
                d ->
                        FieldRules.matching(
                                d, "ProfessionalClaim.diagnoses", ICD_10_CM, "ICD-10-CM codes"));
        FieldRules.required(rendering, "ProfessionalClaim.rendering");
        FieldRules.required(lines, "ProfessionalClaim.lines");
        lines = List.copyOf(lines);
        if (lines.isEmpty() || lines.size() > MOST_LINES) {
            throw new IllegalArgumentException(
                    "ProfessionalClaim.lines must hold 1 to " + MOST_LINES);
        }
        int diagnosisCount = diagnoses.size();
        if (lines.stream()
                .flatMap(line -> line.diagnosisPointers().stream())
                .anyMatch(pointer -> pointer > diagnosisCount)) {
            throw new IllegalArgumentException(
                    "ProfessionalLine.diagnosisPointers must point into the claim's diagnoses");
        }
    }

    /** The sum of the lines' charges. */
    public BigDecimal totalCharge() {
        return lines.stream()
                .map(ProfessionalLine::charge)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
