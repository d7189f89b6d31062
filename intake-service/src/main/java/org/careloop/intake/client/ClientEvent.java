package org.careloop.intake.client;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.careloop.contracts.EventType;

/** What happened to a client's registration record, as stored in intake's event store. */
public sealed interface ClientEvent {

    String STREAM = "client";

    @EventType("intake.client.ClientRegistered")
    record Registered(
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
            implements ClientEvent {}
}
