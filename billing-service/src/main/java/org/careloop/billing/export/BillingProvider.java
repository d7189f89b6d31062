package org.careloop.billing.export;

import java.util.regex.Pattern;

/** The clinic as it bills: its name, NPI, tax id, address and who answers the payer's calls. */
public record BillingProvider(
        String organizationName,
        String npi,
        String taxId,
        Address address,
        String contactName,
        String contactPhone) {

    private static final Pattern TAX_ID = Pattern.compile("\\d{2}-?\\d{7}");
    private static final Pattern PHONE = Pattern.compile("[0-9()\\-. +]+");

    public BillingProvider {
        organizationName =
                FieldRules.text(organizationName, "BillingProvider.organizationName", 1, 60);
        FieldRules.npi(npi, "BillingProvider.npi");
        FieldRules.matching(taxId, "BillingProvider.taxId", TAX_ID, "an EIN of 9 digits");
        FieldRules.required(address, "BillingProvider.address");
        // 837P: the billing provider's ZIP code must be nine digits.
        if (address.zip().length() != 9) {
            throw new IllegalArgumentException("BillingProvider.address.postalCode must be ZIP+4");
        }
        contactName = FieldRules.text(contactName, "BillingProvider.contactName", 1, 60);
        FieldRules.matching(contactPhone, "BillingProvider.contactPhone", PHONE, "a phone number");
        if (FieldRules.digitsOnly(contactPhone).length() != 10) {
            throw new IllegalArgumentException(
                    "BillingProvider.contactPhone must be 10 digits: area code and number");
        }
    }

    String ein() {
        return FieldRules.digitsOnly(taxId);
    }

    String phone() {
        return FieldRules.digitsOnly(contactPhone);
    }
}
