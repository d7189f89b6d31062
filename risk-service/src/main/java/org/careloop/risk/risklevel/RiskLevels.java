package org.careloop.risk.risklevel;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.careloop.contracts.IntegrationEvent;
import org.careloop.contracts.RiskLevel;
import org.careloop.contracts.intake.AssessmentCompleted;
import org.careloop.contracts.risk.RiskEscalated;
import org.careloop.contracts.risk.RiskLevelChanged;
import org.careloop.contracts.risk.RiskResolved;
import org.careloop.platform.command.Commands;
import org.careloop.platform.command.Decision;
import org.careloop.platform.command.History;
import org.careloop.platform.eventstore.StreamId;

/**
 * Keeps each client's risk level from screens and clinicians, and raises an alert on every
 * escalation.
 */
@ApplicationScoped
public class RiskLevels {

    private final Commands commands;
    private final RiskStatuses statuses;
    private final CrisisResponse response;
    private final Clock clock;

    RiskLevels(Commands commands, RiskStatuses statuses, CrisisResponse response, Clock clock) {
        this.commands = commands;
        this.statuses = statuses;
        this.response = response;
        this.clock = clock;
    }

    /** A screen from intake; runs in the consumer's transaction. */
    public Uni<Void> screened(AssessmentCompleted assessment) {
        if (assessment.riskLevel() == null) {
            return Uni.createFrom().voidItem();
        }
        RiskLevel level = RiskLevel.valueOf(assessment.riskLevel());
        String reason =
                assessment.instrument()
                        + " screen"
                        + (assessment.flags().isEmpty()
                                ? ""
                                : ": " + String.join(", ", assessment.flags()));
        return load(assessment.clientId())
                .flatMap(
                        history ->
                                record(
                                        history,
                                        RiskDecider.screened(
                                                RiskState.of(history.events()),
                                                assessment.clientId(),
                                                assessment.assessmentId(),
                                                level,
                                                reason,
                                                UUID.randomUUID(),
                                                clock.instant()),
                                        "intake-screen"));
    }

    /** A clinician's own risk assessment; runs in the caller's transaction. */
    public Uni<Void> assessed(UUID clientId, RiskLevel level, String rationale, String clinician) {
        return load(clientId)
                .flatMap(
                        history ->
                                record(
                                        history,
                                        RiskDecider.assessed(
                                                RiskState.of(history.events()),
                                                clientId,
                                                level,
                                                rationale,
                                                clinician,
                                                UUID.randomUUID(),
                                                clock.instant()),
                                        clinician));
    }

    public Uni<RiskStatus> status(UUID clientId) {
        return statuses.of(clientId);
    }

    private Uni<History<RiskEvent>> load(UUID clientId) {
        return commands.load(StreamId.of(RiskEvent.STREAM, clientId), RiskEvent.class);
    }

    /** Records the decision, and raises the alert each escalation calls for. */
    private Uni<Void> record(History<RiskEvent> history, List<RiskEvent> events, String actor) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<IntegrationEvent> publish = events.stream().map(RiskLevels::toContract).toList();
        Uni<Void> chain =
                commands.record(history, new Decision<>(events, publish), actor).replaceWithVoid();
        for (RiskEvent event : events) {
            if (event instanceof RiskEvent.Escalated escalated) {
                chain = chain.call(() -> response.escalated(escalated));
            }
        }
        return chain;
    }

    private static IntegrationEvent toContract(RiskEvent event) {
        return switch (event) {
            case RiskEvent.LevelChanged c ->
                    new RiskLevelChanged(
                            c.clientId(),
                            c.previousLevel().name(),
                            c.level().name(),
                            c.source(),
                            c.assessmentId(),
                            c.reason(),
                            c.changedBy(),
                            c.changedAt());
            case RiskEvent.Escalated e ->
                    new RiskEscalated(
                            e.clientId(),
                            e.episodeId(),
                            e.previousLevel().name(),
                            e.level().name(),
                            e.reason(),
                            e.assessmentId(),
                            e.escalatedAt());
            case RiskEvent.Resolved r ->
                    new RiskResolved(
                            r.clientId(),
                            r.episodeId(),
                            r.level().name(),
                            r.rationale(),
                            r.resolvedBy(),
                            r.resolvedAt());
        };
    }
}
