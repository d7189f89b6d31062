package org.careloop.referral.partner;

import java.time.Instant;
import java.util.List;
import org.careloop.contracts.EventType;

/** What happened to a partner's entry in the directory, in one stream per partner. */
public sealed interface PartnerEvent {

    String STREAM = "partner";

    String partnerId();

    @EventType("referral.partner.Configured")
    record Configured(
            String partnerId,
            String name,
            List<ServiceType> services,
            String phone,
            String email,
            boolean electronic,
            Instant at,
            String by)
            implements PartnerEvent {}
}
