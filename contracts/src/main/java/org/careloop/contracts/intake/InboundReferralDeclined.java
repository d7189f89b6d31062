package org.careloop.contracts.intake;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.contracts.IntegrationEvent;

/**
 * An intake coordinator declined a partner's inbound referral, with the reason the partner is told.
 * No client was registered: its key is the inbound referral's id.
 */
@EventType("careloop.intake.InboundReferralDeclined.v1")
public record InboundReferralDeclined(UUID inboundId, String reason, Instant at, String by)
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
