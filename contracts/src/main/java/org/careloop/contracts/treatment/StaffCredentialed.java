package org.careloop.contracts.treatment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.contracts.IntegrationEvent;

/**
 * A staff member's credential was recorded or changed: what billing needs to name the rendering and
 * supervising provider. {@code supervisor} is set when the credential is not independently
 * licensed. It concerns no client: its key is the username.
 */
@EventType("careloop.treatment.StaffCredentialed.v1")
public record StaffCredentialed(
        String username,
        String displayName,
        String credential,
        boolean licensed,
        String supervisor,
        String npi,
        Instant credentialedAt,
        String credentialedBy)
        implements IntegrationEvent {

    @Override
    @JsonIgnore
    public UUID clientId() {
        return null;
    }

    @Override
    public String key() {
        return username;
    }
}
