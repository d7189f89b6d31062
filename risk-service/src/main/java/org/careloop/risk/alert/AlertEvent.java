package org.careloop.risk.alert;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.contracts.RiskLevel;
import org.careloop.risk.oncall.Tier;
import org.careloop.risk.policy.EscalationStep;
import org.careloop.risk.policy.Priority;

/**
 * The life of one crisis alert, stored in its own stream. Steps count from 1; {@code skipped} are
 * unstaffed tiers.
 */
public sealed interface AlertEvent {

    String STREAM = "alert";

    UUID alertId();

    UUID clientId();

    @EventType("risk.alert.Raised")
    record Raised(
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
            List<Tier> skipped,
            Instant raisedAt)
            implements AlertEvent {}

    @EventType("risk.alert.Escalated")
    record Escalated(
            UUID alertId,
            UUID clientId,
            int fromStep,
            Tier fromTier,
            int step,
            Tier tier,
            String addressedTo,
            List<Tier> skipped,
            Instant escalatedAt)
            implements AlertEvent {}

    @EventType("risk.alert.Acknowledged")
    record Acknowledged(
            UUID alertId,
            UUID clientId,
            int step,
            Tier tier,
            String acknowledgedBy,
            Instant acknowledgedAt)
            implements AlertEvent {}

    /** The last step's timeout passed with nobody acknowledging. */
    @EventType("risk.alert.Exhausted")
    record Exhausted(UUID alertId, UUID clientId, int step, Tier tier, Instant exhaustedAt)
            implements AlertEvent {}
}
