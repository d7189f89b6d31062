package org.careloop.risk.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careloop.contracts.RiskLevel;
import org.careloop.risk.oncall.Tier;
import org.careloop.risk.policy.AckTimeoutBounds;
import org.careloop.risk.policy.EscalationPolicy;
import org.careloop.risk.policy.Priority;
import org.junit.jupiter.api.Test;

class AlertDeciderTest {

    static final AckTimeoutBounds BOUNDS =
            new AckTimeoutBounds(Duration.ofMinutes(1), Duration.ofHours(24));
    static final EscalationPolicy LADDER =
            EscalationPolicy.parse(
                    Priority.CRITICAL,
                    "PRIMARY PT5M, BACKUP PT5M, SUPERVISOR PT10M, CRISIS_TEAM",
                    BOUNDS);
    static final Map<Tier, String> FULL_ROTA =
            Map.of(Tier.PRIMARY, "oncall1", Tier.BACKUP, "oncall2", Tier.SUPERVISOR, "supervisor1");
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void anAlertGoesToThePrimaryFirst() {
        AlertEvent.Raised raised = raise(FULL_ROTA);

        assertEquals(1, raised.step());
        assertEquals("oncall1", raised.addressedTo());
        assertEquals(NOW.plus(Duration.ofMinutes(5)), AlertState.of(List.of(raised)).dueAt());
    }

    @Test
    void anUnstaffedTierIsSkippedAndTheSkipRecorded() {
        AlertEvent.Raised raised = raise(Map.of(Tier.BACKUP, "oncall2"));

        assertEquals(Tier.BACKUP, raised.tier());
        assertEquals(List.of(Tier.PRIMARY), raised.skipped());
    }

    @Test
    void nothingHappensBeforeTheTimeout() {
        AlertState state = AlertState.of(List.of(raise(FULL_ROTA)));

        assertTrue(
                AlertDecider.timeout(
                                state, 1, FULL_ROTA, NOW.plus(Duration.ofMinutes(5)).minusMillis(1))
                        .isEmpty());
    }

    @Test
    void anUnacknowledgedStepClimbsOneRungAtItsTimeout() {
        AlertState state = AlertState.of(List.of(raise(FULL_ROTA)));

        List<AlertEvent> events =
                AlertDecider.timeout(state, 1, FULL_ROTA, NOW.plus(Duration.ofMinutes(5)));

        AlertEvent.Escalated escalated =
                assertInstanceOf(AlertEvent.Escalated.class, events.get(0));
        assertEquals(2, escalated.step());
        assertEquals("oncall2", escalated.addressedTo());
    }

    @Test
    void aStaleTimerOfAnEarlierStepDoesNothing() {
        AlertEvent.Raised raised = raise(FULL_ROTA);
        AlertState escalated =
                AlertState.of(
                        List.of(
                                raised,
                                AlertDecider.timeout(
                                                AlertState.of(List.of(raised)),
                                                1,
                                                FULL_ROTA,
                                                NOW.plusSeconds(300))
                                        .get(0)));

        assertTrue(AlertDecider.timeout(escalated, 1, FULL_ROTA, NOW.plusSeconds(3600)).isEmpty());
    }

    @Test
    void theCrisisTeamWaitsForEverAndALadderWithoutItRunsOut() {
        AlertState atCrisisTeam = climbTo(4);
        assertEquals(Tier.CRISIS_TEAM, atCrisisTeam.tier());
        assertEquals(null, atCrisisTeam.dueAt());

        EscalationPolicy shortLadder =
                EscalationPolicy.parse(Priority.URGENT, "PRIMARY PT1M, BACKUP PT1M", BOUNDS);
        AlertEvent.Raised raised =
                AlertDecider.raise(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        RiskLevel.MODERATE,
                        "screen",
                        shortLadder,
                        Map.of(Tier.PRIMARY, "oncall1"),
                        NOW);
        List<AlertEvent> events =
                AlertDecider.timeout(
                        AlertState.of(List.of(raised)),
                        1,
                        Map.of(Tier.PRIMARY, "oncall1"),
                        NOW.plusSeconds(60));
        assertInstanceOf(AlertEvent.Exhausted.class, events.get(0));
    }

    @Test
    void onlyTheAddressedClinicianOrASupervisorMayAcknowledgeAndOnlyOnce() {
        AlertState state = AlertState.of(List.of(raise(FULL_ROTA)));

        assertThrows(
                AlertDecider.NotAddressed.class,
                () -> AlertDecider.acknowledge(state, "oncall2", false, NOW));
        List<AlertEvent> acknowledged = AlertDecider.acknowledge(state, "oncall1", false, NOW);
        assertEquals(1, acknowledged.size());
        AlertState after = AlertState.evolve(state, acknowledged.get(0));
        assertTrue(AlertDecider.acknowledge(after, "oncall1", false, NOW).isEmpty());
        assertEquals(null, after.dueAt());
        assertEquals(1, AlertDecider.acknowledge(state, "supervisor1", true, NOW).size());
    }

    @Test
    void aRepeatedAcknowledgementBySomeoneElseIsRefusedLikeTheFirst() {
        AlertState state = AlertState.of(List.of(raise(FULL_ROTA)));
        AlertState acknowledged =
                AlertState.evolve(
                        state, AlertDecider.acknowledge(state, "oncall1", false, NOW).get(0));

        AlertDecider.NotAddressed refused =
                assertThrows(
                        AlertDecider.NotAddressed.class,
                        () -> AlertDecider.acknowledge(acknowledged, "oncall2", false, NOW));
        assertFalse(
                refused.getMessage().contains("oncall1"),
                "the refusal does not say whom the alert is for");
        assertFalse(refused.getMessage().contains(state.alertId().toString()));
        assertTrue(AlertDecider.acknowledge(acknowledged, "supervisor1", true, NOW).isEmpty());
    }

    private static AlertEvent.Raised raise(Map<Tier, String> rota) {
        return AlertDecider.raise(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                RiskLevel.HIGH,
                "C-SSRS screen",
                LADDER,
                rota,
                NOW);
    }

    private static AlertState climbTo(int step) {
        AlertState state = AlertState.of(List.of(raise(FULL_ROTA)));
        Instant at = NOW;
        while (state.step() < step) {
            at = state.dueAt();
            state =
                    AlertState.evolve(
                            state, AlertDecider.timeout(state, state.step(), FULL_ROTA, at).get(0));
        }
        return state;
    }
}
