package org.careloop.contracts.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.contracts.IntegrationEvent;

/**
 * A new client was registered at intake. Optional fields are null when the client did not give
 * them.
 */
@EventType("careloop.intake.ClientRegistered.v1")
public record ClientRegistered(
        UUID clientId,
        String firstName,
        String lastName,
        String preferredName,
        String pronouns,
        LocalDate dateOfBirth,
        String phone,
        String email,
        String preferredLanguage,
        Instant registeredAt,
        String registeredBy)
        implements IntegrationEvent {}
