package org.careloop.billing.export;

import java.util.regex.Pattern;

/** A street address in the US; the postal code is a ZIP or ZIP+4, with or without its hyphen. */
public record Address(String line1, String city, String state, String postalCode) {

    private static final Pattern STATE = Pattern.compile("[A-Z]{2}");
    private static final Pattern ZIP = Pattern.compile("\\d{5}(-?\\d{4})?");

    public Address {
        line1 = FieldRules.text(line1, "Address.line1", 1, 55);
        city = FieldRules.text(city, "Address.city", 2, 30);
        FieldRules.matching(state, "Address.state", STATE, "a two-letter state code");
        FieldRules.matching(postalCode, "Address.postalCode", ZIP, "a ZIP or ZIP+4 code");
    }

    String zip() {
        return FieldRules.digitsOnly(postalCode);
    }
}
