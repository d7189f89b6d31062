package org.careloop.platform.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.platform.problem.InvalidCommand;
import org.junit.jupiter.api.Test;

class EmergencyAccessDeciderTest {

    private static final UUID GRANT = UUID.randomUUID();
    private static final UUID CLIENT = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-12-02T02:10:00Z");

    @Test
    void aReasonGrantsAccessForTheConfiguredTime() {
        List<EmergencyAccessEvent> events =
                EmergencyAccessDecider.grant(
                        GRANT,
                        CLIENT,
                        new BreakTheGlass("  Client in crisis at the front desk  "),
                        List.of(),
                        "clinician2",
                        NOW,
                        Duration.ofMinutes(60));

        assertEquals(
                List.of(
                        new EmergencyAccessEvent.Granted(
                                GRANT,
                                CLIENT,
                                "clinician2",
                                "Client in crisis at the front desk",
                                NOW,
                                NOW.plus(Duration.ofMinutes(60)))),
                events);
    }

    @Test
    void aReasonOfAFewCharactersIsRefusedNamingTheField() {
        InvalidCommand refused =
                assertThrows(
                        InvalidCommand.class,
                        () ->
                                EmergencyAccessDecider.grant(
                                        GRANT,
                                        CLIENT,
                                        new BreakTheGlass("   urgent    "),
                                        List.of(),
                                        "clinician2",
                                        NOW,
                                        Duration.ofMinutes(60)));
        assertEquals("reason", refused.problem().errors().getFirst().field());
    }

    @Test
    void aGrantAlreadyRecordedIsNotRecordedAgain() {
        List<EmergencyAccessEvent> history =
                List.of(
                        new EmergencyAccessEvent.Granted(
                                GRANT, CLIENT, "clinician2", "Client in crisis", NOW, NOW));

        assertEquals(
                List.of(),
                EmergencyAccessDecider.grant(
                        GRANT,
                        CLIENT,
                        new BreakTheGlass("Client in crisis again"),
                        history,
                        "clinician2",
                        NOW,
                        Duration.ofMinutes(60)));
    }
}
