package org.careloop.platform.directory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A client as a service other than intake shows them. */
public record ClientSummary(
        UUID clientId,
        String firstName,
        String lastName,
        String preferredName,
        String pronouns,
        LocalDate dateOfBirth,
        String phone,
        String email,
        String preferredLanguage,
        Instant registeredAt) {

    static ClientSummary of(KnownClient client) {
        return new ClientSummary(
                client.clientId,
                client.firstName,
                client.lastName,
                client.preferredName,
                client.pronouns,
                client.dateOfBirth,
                client.phone,
                client.email,
                client.preferredLanguage,
                client.registeredAt);
    }
}
