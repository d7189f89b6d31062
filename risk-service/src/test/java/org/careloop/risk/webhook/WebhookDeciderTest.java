package org.careloop.risk.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

class WebhookDeciderTest {

    static final UUID HOOK = UUID.randomUUID();
    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    static final WebhookEvent REGISTERED =
            new WebhookEvent.WebhookRegistered(
                    HOOK, "https://pager.example/hook", "k1:c2VhbGVk", "admin", NOW);

    @Test
    void anEnabledWebhookIsDisabledRecordingWhoAndWhenAndARepeatChangesNothing() {
        List<WebhookEvent> disabled =
                WebhookDecider.disable(List.of(REGISTERED), HOOK, "admin", NOW);

        assertEquals(List.of(new WebhookEvent.WebhookDisabled(HOOK, "admin", NOW)), disabled);
        assertEquals(
                List.of(),
                WebhookDecider.disable(
                        List.of(REGISTERED, disabled.get(0)), HOOK, "admin", NOW.plusSeconds(1)));
    }

    @Test
    void aDisabledWebhookIsEnabledAgainAndAnEnabledOneStaysAsItIs() {
        List<WebhookEvent> history =
                List.of(REGISTERED, new WebhookEvent.WebhookDisabled(HOOK, "admin", NOW));

        assertEquals(
                List.of(new WebhookEvent.WebhookEnabled(HOOK, "admin2", NOW)),
                WebhookDecider.enable(history, HOOK, "admin2", NOW));
        assertEquals(List.of(), WebhookDecider.enable(List.of(REGISTERED), HOOK, "admin", NOW));
    }

    @Test
    void aRotationKeepsThePreviousSecretForTheOverlap() {
        assertEquals(
                List.of(
                        new WebhookEvent.WebhookSecretRotated(
                                HOOK, "k1:bmV3", "admin", NOW, NOW.plus(Duration.ofHours(24)))),
                WebhookDecider.rotate(
                        List.of(REGISTERED), HOOK, "k1:bmV3", Duration.ofHours(24), "admin", NOW));
    }

    @Test
    void anOverlapBelowZeroOrAboveAWeekIsRefusedNamingOverlap() {
        for (Duration overlap :
                List.of(Duration.ofSeconds(-1), Duration.ofDays(7).plusSeconds(1))) {
            ProblemException refused =
                    assertThrows(
                            ProblemException.class,
                            () ->
                                    WebhookDecider.rotate(
                                            List.of(REGISTERED),
                                            HOOK,
                                            "k1:bmV3",
                                            overlap,
                                            "admin",
                                            NOW));
            assertEquals("overlap", refused.problem().errors().get(0).field());
        }
    }

    @Test
    void anUnknownOrRemovedWebhookIsNotFound() {
        List<WebhookEvent> removed =
                List.of(REGISTERED, new WebhookEvent.WebhookRemoved(HOOK, "admin", NOW));
        for (List<WebhookEvent> history : List.of(List.<WebhookEvent>of(), removed)) {
            assertEquals(
                    404,
                    assertThrows(
                                    ProblemException.class,
                                    () -> WebhookDecider.disable(history, HOOK, "admin", NOW))
                            .problem()
                            .status());
        }
    }
}
