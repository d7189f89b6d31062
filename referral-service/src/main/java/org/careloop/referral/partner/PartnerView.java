package org.careloop.referral.partner;

import java.time.Instant;
import java.util.List;

/** A partner as staff read it. */
public record PartnerView(
        String partnerId,
        String name,
        List<ServiceType> services,
        Contact contact,
        boolean electronic,
        Instant updatedAt,
        String updatedBy) {

    public record Contact(String phone, String email) {}

    static PartnerView of(PartnerRecord partner) {
        return new PartnerView(
                partner.partnerId,
                partner.name,
                partner.services(),
                new Contact(partner.phone, partner.email),
                partner.electronic,
                partner.updatedAt,
                partner.updatedBy);
    }
}
