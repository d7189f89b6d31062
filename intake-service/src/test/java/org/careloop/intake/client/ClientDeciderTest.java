package org.careloop.intake.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.careloop.platform.problem.InvalidCommand;
import org.junit.jupiter.api.Test;

class ClientDeciderTest {

    static final ZoneId CLINIC = ZoneId.of("America/New_York");
    // 02:00 UTC on the 22nd is still the 21st in New York.
    static final Instant NOW = Instant.parse("2026-11-22T02:00:00Z");
    static final UUID CLIENT = UUID.fromString("0b7e2d4c-5a61-4f0e-8d3b-9c1a2e3f4b5d");

    @Test
    void registeringGivesOneEventWithTrimmedNamesAndBlankOptionalsLeftOut() {
        RegisterClient command =
                new RegisterClient(
                        "  Ada ",
                        "Lovelace ",
                        LocalDate.of(1990, 12, 10),
                        " ",
                        null,
                        "+1 555 0100",
                        "",
                        "en");

        List<ClientEvent> events = ClientDecider.register(CLIENT, command, "intake1", NOW, CLINIC);

        ClientEvent.Registered registered = (ClientEvent.Registered) events.get(0);
        assertEquals(1, events.size());
        assertEquals("Ada", registered.firstName());
        assertEquals("Lovelace", registered.lastName());
        assertNull(registered.preferredName());
        assertNull(registered.email());
        assertEquals(NOW, registered.registeredAt());
        assertEquals("intake1", registered.registeredBy());
    }

    @Test
    void aDateOfBirthAfterTodayInTheClinicsZoneIsRejected() {
        RegisterClient bornTomorrowInNewYork = command(LocalDate.of(2026, 11, 22));

        InvalidCommand rejected =
                assertThrows(
                        InvalidCommand.class,
                        () ->
                                ClientDecider.register(
                                        CLIENT, bornTomorrowInNewYork, "intake1", NOW, CLINIC));

        assertEquals("dateOfBirth", rejected.problem().errors().get(0).field());
    }

    @Test
    void aClientBornTodayCanBeRegistered() {
        List<ClientEvent> events =
                ClientDecider.register(
                        CLIENT, command(LocalDate.of(2026, 11, 21)), "intake1", NOW, CLINIC);

        assertEquals(1, events.size());
    }

    @Test
    void aDateOfBirthBefore1900IsATypingError() {
        InvalidCommand rejected =
                assertThrows(
                        InvalidCommand.class,
                        () ->
                                ClientDecider.register(
                                        CLIENT,
                                        command(LocalDate.of(1899, 12, 31)),
                                        "intake1",
                                        NOW,
                                        CLINIC));

        assertEquals("dateOfBirth", rejected.problem().errors().get(0).field());
    }

    private static RegisterClient command(LocalDate dateOfBirth) {
        return new RegisterClient("Ada", "Lovelace", dateOfBirth, null, null, null, null, null);
    }
}
