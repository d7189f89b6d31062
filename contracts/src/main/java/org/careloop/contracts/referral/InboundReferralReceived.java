package org.careloop.contracts.referral;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.contracts.IntegrationEvent;

/**
 * A partner organization referred a person to the clinic: who they are, what is asked for and how
 * soon ({@code urgency} EMERGENT, URGENT or ROUTINE). Not yet a client of the clinic: its key is
 * the inbound referral's id. Optional fields are null when the partner did not give them.
 */
@EventType("careloop.referral.InboundReferralReceived.v1")
public record InboundReferralReceived(
        UUID inboundId,
        String partnerId,
        String partnerName,
        String partnerReference,
        String firstName,
        String lastName,
        LocalDate dateOfBirth,
        String phone,
        String email,
        String preferredLanguage,
        String serviceRequested,
        String reason,
        String urgency,
        Instant receivedAt)
        implements IntegrationEvent {

    @Override
    @JsonIgnore
    public UUID clientId() {
        return null;
    }

    @Override
    public String key() {
        return inboundId.toString();
    }
}
