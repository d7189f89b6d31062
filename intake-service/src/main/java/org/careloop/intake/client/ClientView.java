package org.careloop.intake.client;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A client's registration record as intake shows it. */
public record ClientView(
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
        String registeredBy) {

    static ClientView of(RegisteredClient client) {
        return new ClientView(
                client.clientId,
                client.firstName,
                client.lastName,
                client.preferredName,
                client.pronouns,
                client.dateOfBirth,
                client.phone,
                client.email,
                client.preferredLanguage,
                client.registeredAt,
                client.registeredBy);
    }
}
