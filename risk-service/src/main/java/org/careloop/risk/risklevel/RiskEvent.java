package org.careloop.risk.risklevel;

import java.time.Instant;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.contracts.RiskLevel;

/** What happened to a client's risk, stored in one stream per client. */
public sealed interface RiskEvent {

    String STREAM = "client-risk";

    UUID clientId();

    /** SCREEN changes carry the assessment; CLINICIAN changes carry who and why. */
    @EventType("risk.LevelChanged")
    record LevelChanged(
            UUID clientId,
            RiskLevel previousLevel,
            RiskLevel level,
            String source,
            UUID assessmentId,
            String reason,
            String changedBy,
            Instant changedAt)
            implements RiskEvent {}

    @EventType("risk.Escalated")
    record Escalated(
            UUID clientId,
            UUID episodeId,
            RiskLevel previousLevel,
            RiskLevel level,
            String reason,
            UUID assessmentId,
            Instant escalatedAt)
            implements RiskEvent {}

    @EventType("risk.Resolved")
    record Resolved(
            UUID clientId,
            UUID episodeId,
            RiskLevel level,
            String rationale,
            String resolvedBy,
            Instant resolvedAt)
            implements RiskEvent {}
}
