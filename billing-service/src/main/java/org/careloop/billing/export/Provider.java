package org.careloop.billing.export;

/** A rendering or supervising clinician. */
public record Provider(String npi, String firstName, String lastName) {

    public Provider {
        FieldRules.npi(npi, "Provider.npi");
        // NM104 is sent when the person has a first name
        firstName = FieldRules.optionalText(firstName, "Provider.firstName", 1, 35);
        lastName = FieldRules.text(lastName, "Provider.lastName", 1, 60);
    }
}
