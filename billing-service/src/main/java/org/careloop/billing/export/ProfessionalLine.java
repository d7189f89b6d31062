package org.careloop.billing.export;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/** One service line: diagnosis pointers are 1-based into the claim's diagnoses. */
public record ProfessionalLine(
        String cpt,
        List<String> modifiers,
        int units,
        BigDecimal charge,
        LocalDate serviceDate,
        List<Integer> diagnosisPointers) {

    private static final Pattern PROCEDURE = Pattern.compile("[A-Z0-9]{5}");
    private static final Pattern MODIFIER = Pattern.compile("[A-Z0-9]{2}");

    // 837P: SV101 holds up to four modifiers and SV107 up to four diagnosis pointers.
    static final int MOST_MODIFIERS = 4;
    static final int MOST_POINTERS = 4;

    public ProfessionalLine {
        FieldRules.matching(cpt, "ProfessionalLine.cpt", PROCEDURE, "a five-character CPT code");
        modifiers = modifiers == null ? List.of() : List.copyOf(modifiers);
        if (modifiers.size() > MOST_MODIFIERS) {
            throw new IllegalArgumentException(
                    "ProfessionalLine.modifiers must be at most " + MOST_MODIFIERS);
        }
        modifiers.forEach(
                m ->
                        FieldRules.matching(
                                m, "ProfessionalLine.modifiers", MODIFIER, "two characters"));
        if (units < 1) {
            throw new IllegalArgumentException("ProfessionalLine.units must be at least 1");
        }
        FieldRules.amount(charge, "ProfessionalLine.charge");
        FieldRules.required(serviceDate, "ProfessionalLine.serviceDate");
        FieldRules.required(diagnosisPointers, "ProfessionalLine.diagnosisPointers");
        diagnosisPointers = List.copyOf(diagnosisPointers);
        if (diagnosisPointers.isEmpty() || diagnosisPointers.size() > MOST_POINTERS) {
            throw new IllegalArgumentException(
                    "ProfessionalLine.diagnosisPointers must hold 1 to " + MOST_POINTERS);
        }
        if (diagnosisPointers.stream().distinct().count() != diagnosisPointers.size()) {
            throw new IllegalArgumentException(
                    "ProfessionalLine.diagnosisPointers must not repeat");
        }
        if (diagnosisPointers.stream().anyMatch(p -> p < 1)) {
            throw new IllegalArgumentException(
                    "ProfessionalLine.diagnosisPointers must be 1 or more");
        }
    }
}
