package org.careloop.referral.referral;

import java.util.UUID;
import org.careloop.referral.partner.ServiceType;

/**
 * A draft another service's event asks for, for a clinician to complete and send: its id is the
 * source's, the partner may be unknown, and the referrer is null when the client has no primary
 * clinician.
 */
public record DraftFromTrigger(
        UUID referralId,
        UUID clientId,
        Origin origin,
        ServiceType serviceType,
        Urgency urgency,
        String reason,
        String referrer,
        String partnerId) {}
