package org.careloop.billing.export;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Who holds the coverage and who the client is to them: relationship is SELF, SPOUSE, CHILD or
 * OTHER. When SELF the patient is the subscriber and may be given as null. The claim filing
 * indicator (SBR09) says what kind of plan it is: CI commercial, MC Medicaid, MB Medicare Part B...
 */
public record Subscriber(
        String memberId,
        String groupNumber,
        String relationship,
        Person subscriber,
        Person patient,
        boolean primary,
        String claimFilingIndicator) {

    static final String SELF = "SELF";
    private static final Pattern FILING_INDICATOR = Pattern.compile("[A-Z0-9]{2}");

    /** A commercial plan's coverage. */
    public Subscriber(
            String memberId,
            String groupNumber,
            String relationship,
            Person subscriber,
            Person patient,
            boolean primary) {
        this(memberId, groupNumber, relationship, subscriber, patient, primary, "CI");
    }

    // X12 individual relationship codes (PAT01): 01 spouse, 19 child, G8 other relationship.
    private static final Map<String, String> PATIENT_RELATIONSHIP_CODES =
            Map.of("SPOUSE", "01", "CHILD", "19", "OTHER", "G8");

    public Subscriber {
        memberId = FieldRules.text(memberId, "Subscriber.memberId", 2, 80);
        claimFilingIndicator =
                FieldRules.matching(
                        claimFilingIndicator,
                        "Subscriber.claimFilingIndicator",
                        FILING_INDICATOR,
                        "two letters or digits");
        groupNumber = FieldRules.optionalText(groupNumber, "Subscriber.groupNumber", 1, 50);
        FieldRules.required(relationship, "Subscriber.relationship");
        if (!SELF.equals(relationship) && !PATIENT_RELATIONSHIP_CODES.containsKey(relationship)) {
            throw new IllegalArgumentException(
                    "Subscriber.relationship must be SELF, SPOUSE, CHILD or OTHER");
        }
        FieldRules.required(subscriber, "Subscriber.subscriber");
        if (SELF.equals(relationship)) {
            if (patient != null && !patient.equals(subscriber)) {
                throw new IllegalArgumentException(
                        "Subscriber.patient must be the subscriber when relationship is SELF");
            }
            patient = subscriber;
        } else {
            FieldRules.required(patient, "Subscriber.patient");
        }
    }

    boolean self() {
        return SELF.equals(relationship);
    }

    String patientRelationshipCode() {
        return PATIENT_RELATIONSHIP_CODES.get(relationship);
    }
}
