package org.careloop.risk.risklevel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.contracts.RiskLevel;
import org.junit.jupiter.api.Test;

class RiskDeciderTest {

    static final UUID CLIENT = UUID.randomUUID();
    static final UUID ASSESSMENT = UUID.randomUUID();
    static final UUID EPISODE = UUID.randomUUID();
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void aPositiveScreenRaisesTheLevelAndOpensAnEpisode() {
        List<RiskEvent> events =
                RiskDecider.screened(
                        RiskState.NONE,
                        CLIENT,
                        ASSESSMENT,
                        RiskLevel.MODERATE,
                        "PHQ-9 screen: ITEM9_POSITIVE",
                        EPISODE,
                        NOW);

        assertEquals(2, events.size());
        RiskEvent.Escalated escalated = assertInstanceOf(RiskEvent.Escalated.class, events.get(1));
        assertEquals(EPISODE, escalated.episodeId());
        assertEquals(RiskLevel.MODERATE, escalated.level());
    }

    @Test
    void aLowScreenChangesTheLevelWithoutEscalating() {
        List<RiskEvent> events =
                RiskDecider.screened(
                        RiskState.NONE, CLIENT, ASSESSMENT, RiskLevel.LOW, "C-SSRS", EPISODE, NOW);

        assertEquals(1, events.size());
        assertInstanceOf(RiskEvent.LevelChanged.class, events.get(0));
    }

    @Test
    void aScreenNeverLowersTheLevelAClinicianHasNotAssessed() {
        RiskState moderate = new RiskState(RiskLevel.MODERATE, EPISODE);

        assertTrue(
                RiskDecider.screened(
                                moderate,
                                CLIENT,
                                ASSESSMENT,
                                RiskLevel.NONE,
                                "PHQ-9",
                                UUID.randomUUID(),
                                NOW)
                        .isEmpty());
        assertTrue(
                RiskDecider.screened(
                                moderate,
                                CLIENT,
                                ASSESSMENT,
                                RiskLevel.MODERATE,
                                "PHQ-9",
                                UUID.randomUUID(),
                                NOW)
                        .isEmpty());
    }

    @Test
    void aHigherScreenEscalatesWithinTheOpenEpisode() {
        RiskState moderate = new RiskState(RiskLevel.MODERATE, EPISODE);

        List<RiskEvent> events =
                RiskDecider.screened(
                        moderate,
                        CLIENT,
                        ASSESSMENT,
                        RiskLevel.HIGH,
                        "C-SSRS",
                        UUID.randomUUID(),
                        NOW);

        assertEquals(EPISODE, ((RiskEvent.Escalated) events.get(1)).episodeId());
    }

    @Test
    void aClinicianLoweringToLowResolvesTheEpisode() {
        RiskState high = new RiskState(RiskLevel.HIGH, EPISODE);

        List<RiskEvent> events =
                RiskDecider.assessed(
                        high,
                        CLIENT,
                        RiskLevel.LOW,
                        "Safety plan; no intent",
                        "clinician1",
                        UUID.randomUUID(),
                        NOW);

        assertEquals(2, events.size());
        RiskEvent.Resolved resolved = assertInstanceOf(RiskEvent.Resolved.class, events.get(1));
        assertEquals(EPISODE, resolved.episodeId());
        assertEquals(
                new RiskState(RiskLevel.LOW, null),
                high.evolve(events.get(0)).evolve(events.get(1)));
    }

    @Test
    void aClinicianRaisingToHighEscalates() {
        List<RiskEvent> events =
                RiskDecider.assessed(
                        RiskState.NONE,
                        CLIENT,
                        RiskLevel.HIGH,
                        "Plan and means",
                        "clinician1",
                        EPISODE,
                        NOW);

        assertInstanceOf(RiskEvent.Escalated.class, events.get(1));
    }

    @Test
    void aClinicianLoweringHighToModerateKeepsTheEpisodeOpen() {
        RiskState high = new RiskState(RiskLevel.HIGH, EPISODE);

        List<RiskEvent> events =
                RiskDecider.assessed(
                        high,
                        CLIENT,
                        RiskLevel.MODERATE,
                        "Intent withdrawn",
                        "clinician1",
                        UUID.randomUUID(),
                        NOW);

        assertEquals(1, events.size());
        assertEquals(new RiskState(RiskLevel.MODERATE, EPISODE), high.evolve(events.get(0)));
    }
}
