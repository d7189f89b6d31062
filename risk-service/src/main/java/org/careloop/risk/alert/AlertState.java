package org.careloop.risk.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.contracts.RiskLevel;
import org.careloop.risk.oncall.Tier;
import org.careloop.risk.policy.EscalationStep;
import org.careloop.risk.policy.Priority;

/** Where an alert stands, folded from its events. */
public record AlertState(
        UUID alertId,
        UUID clientId,
        UUID episodeId,
        Priority priority,
        RiskLevel riskLevel,
        String reason,
        List<EscalationStep> ladder,
        int step,
        Tier tier,
        String addressedTo,
        AlertStatus status,
        Instant stepStartedAt,
        Instant raisedAt,
        String acknowledgedBy) {

    public static AlertState of(List<AlertEvent> history) {
        AlertState state = null;
        for (AlertEvent event : history) {
            state = evolve(state, event);
        }
        return state;
    }

    static AlertState evolve(AlertState s, AlertEvent event) {
        return switch (event) {
            case AlertEvent.Raised r ->
                    new AlertState(
                            r.alertId(),
                            r.clientId(),
                            r.episodeId(),
                            r.priority(),
                            r.riskLevel(),
                            r.reason(),
                            r.ladder(),
                            r.step(),
                            r.tier(),
                            r.addressedTo(),
                            AlertStatus.OPEN,
                            r.raisedAt(),
                            r.raisedAt(),
                            null);
            case AlertEvent.Escalated e ->
                    new AlertState(
                            s.alertId,
                            s.clientId,
                            s.episodeId,
                            s.priority,
                            s.riskLevel,
                            s.reason,
                            s.ladder,
                            e.step(),
                            e.tier(),
                            e.addressedTo(),
                            AlertStatus.OPEN,
                            e.escalatedAt(),
                            s.raisedAt,
                            null);
            case AlertEvent.Acknowledged a ->
                    new AlertState(
                            s.alertId,
                            s.clientId,
                            s.episodeId,
                            s.priority,
                            s.riskLevel,
                            s.reason,
                            s.ladder,
                            s.step,
                            s.tier,
                            s.addressedTo,
                            AlertStatus.ACKNOWLEDGED,
                            s.stepStartedAt,
                            s.raisedAt,
                            a.acknowledgedBy());
            case AlertEvent.Exhausted x ->
                    new AlertState(
                            s.alertId,
                            s.clientId,
                            s.episodeId,
                            s.priority,
                            s.riskLevel,
                            s.reason,
                            s.ladder,
                            s.step,
                            s.tier,
                            s.addressedTo,
                            AlertStatus.EXHAUSTED,
                            s.stepStartedAt,
                            s.raisedAt,
                            null);
        };
    }

    /**
     * When the current step times out; null when it waits for ever or the alert is no longer open.
     */
    public Instant dueAt() {
        Duration timeout = ladder.get(step - 1).ackTimeout();
        return status != AlertStatus.OPEN || timeout == null ? null : stepStartedAt.plus(timeout);
    }
}
