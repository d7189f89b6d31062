package org.careloop.billing.export;

/** A rendering or supervising clinician. */
public record Provider(String npi, String firstName, String lastName) {

    public Provider {
        FieldRules.npi(npi, "Provider.npi");
        firstName = FieldRules.text(firstName, "Provider.firstName", 1, 35);
        lastName = FieldRules.text(lastName, "Provider.lastName", 1, 60);
    }
}
