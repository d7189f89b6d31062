package org.careloop.risk.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.careloop.platform.problem.InvalidCommand;
import org.careloop.risk.oncall.Tier;
import org.junit.jupiter.api.Test;

class EscalationPolicyTest {

    static final AckTimeoutBounds BOUNDS =
            new AckTimeoutBounds(Duration.ofMinutes(1), Duration.ofHours(24));

    @Test
    void aLadderWithinTheBoundsIsAccepted() {
        EscalationPolicy policy =
                EscalationPolicy.validated(
                        Priority.CRITICAL,
                        List.of(
                                new EscalationStep(Tier.PRIMARY, Duration.ofMinutes(1)),
                                new EscalationStep(Tier.BACKUP, Duration.ofHours(24)),
                                new EscalationStep(Tier.CRISIS_TEAM, null)),
                        BOUNDS);
        assertEquals(3, policy.steps().size());
    }

    @Test
    void anAckTimeoutUnderTheShortestIsRefusedNamingTheStep() {
        assertEquals(
                "steps[1].ackTimeout",
                refusedField(
                        List.of(
                                new EscalationStep(Tier.PRIMARY, Duration.ofMinutes(5)),
                                new EscalationStep(Tier.BACKUP, Duration.ofSeconds(59)))));
        assertEquals(
                "steps[0].ackTimeout",
                refusedField(List.of(new EscalationStep(Tier.PRIMARY, Duration.ZERO))));
        assertEquals(
                "steps[0].ackTimeout",
                refusedField(List.of(new EscalationStep(Tier.PRIMARY, Duration.ofMinutes(-5)))));
    }

    @Test
    void anAckTimeoutOverTheLongestIsRefusedNamingTheStep() {
        assertEquals(
                "steps[0].ackTimeout",
                refusedField(
                        List.of(
                                new EscalationStep(
                                        Tier.PRIMARY, Duration.ofHours(24).plusSeconds(1)))));
        assertEquals(
                "steps[0].ackTimeout",
                refusedField(
                        List.of(new EscalationStep(Tier.PRIMARY, Duration.ofDays(365 * 1000L)))));
    }

    @Test
    void theConfiguredDefaultLaddersLieWithinTheBounds() {
        EscalationPolicy.parse(
                Priority.CRITICAL,
                "PRIMARY PT5M, BACKUP PT5M, SUPERVISOR PT10M, CRISIS_TEAM",
                BOUNDS);
        EscalationPolicy.parse(
                Priority.URGENT,
                "PRIMARY PT15M, BACKUP PT15M, SUPERVISOR PT30M, CRISIS_TEAM",
                BOUNDS);
    }

    @Test
    void boundsWhoseShortestExceedsTheirLongestAreAConfigurationError() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new AckTimeoutBounds(Duration.ofHours(2), Duration.ofHours(1)));
        assertThrows(
                IllegalArgumentException.class,
                () -> new AckTimeoutBounds(Duration.ZERO, Duration.ofHours(1)));
    }

    private static String refusedField(List<EscalationStep> steps) {
        InvalidCommand refused =
                assertThrows(
                        InvalidCommand.class,
                        () -> EscalationPolicy.validated(Priority.CRITICAL, steps, BOUNDS));
        return refused.problem().errors().get(0).field();
    }
}
