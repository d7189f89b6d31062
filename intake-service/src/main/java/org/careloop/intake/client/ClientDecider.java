package org.careloop.intake.client;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.careloop.platform.problem.InvalidCommand;

/**
 * Decides what registering a client means. Pure: everything it needs, the time included, is passed
 * in.
 */
public final class ClientDecider {

    /** The oldest date of birth intake accepts; anything earlier is a typing error. */
    static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private ClientDecider() {}

    public static List<ClientEvent> register(
            UUID clientId,
            RegisterClient command,
            String registeredBy,
            Instant now,
            ZoneId clinicZone) {
        LocalDate today = now.atZone(clinicZone).toLocalDate();
        if (command.dateOfBirth().isAfter(today)) {
            throw new InvalidCommand("dateOfBirth", "must not be in the future");
        }
        if (command.dateOfBirth().isBefore(EARLIEST_BIRTH)) {
            throw new InvalidCommand("dateOfBirth", "must be on or after " + EARLIEST_BIRTH);
        }
        return List.of(
                new ClientEvent.Registered(
                        clientId,
                        command.firstName().strip(),
                        command.lastName().strip(),
                        blankToNull(command.preferredName()),
                        blankToNull(command.pronouns()),
                        command.dateOfBirth(),
                        blankToNull(command.phone()),
                        blankToNull(command.email()),
                        blankToNull(command.preferredLanguage()),
                        now,
                        registeredBy));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
