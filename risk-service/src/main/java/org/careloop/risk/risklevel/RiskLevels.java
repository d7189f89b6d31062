package org.careloop.risk.risklevel;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import org.careloop.contracts.IntegrationEvent;
import org.careloop.contracts.intake.AssessmentCompleted;
import org.careloop.contracts.risk.RiskEscalated;
import org.careloop.contracts.risk.RiskLevelChanged;
import org.careloop.contracts.risk.RiskResolved;
import org.careloop.platform.eventstore.EventStore;
import org.careloop.risk.alert.AlertNotice;
import org.careloop.risk.alert.Alerts;

/** Keeps each client's risk level from screens and clinicians, and raises an alert on every escalation. */
@ApplicationScoped
public class RiskLevels {

    private final EventStore eventStore;
    private final Alerts alerts;
    private final Clock clock;

    RiskLevels(EventStore eventStore, Alerts alerts, Clock clock) {
        this.eventStore = eventStore;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** A screen from intake; runs in the consumer's transaction and returns the alerts it raised. */
    public Uni<List<AlertNotice>> screened(AssessmentCompleted assessment) {
        if (assessment.riskLevel() == null) {
            return Uni.createFrom().item(List.of());
        }
        RiskLevel level = RiskLevel.valueOf(assessment.riskLevel());
        String reason = assessment.instrument() + " screen"
                + (assessment.flags().isEmpty() ? "" : ": " + String.join(", ", assessment.flags()));
        return load(assessment.clientId()).flatMap(history -> record(assessment.clientId(), history.size(),
                RiskDecider.screened(RiskState.of(history), assessment.clientId(), assessment.assessmentId(), level,
                        reason, UUID.randomUUID(), clock.instant()), "intake-screen"));
    }

    /** A clinician's own risk assessment; runs in the caller's transaction. */
    public Uni<List<AlertNotice>> assessed(UUID clientId, RiskLevel level, String rationale, String clinician) {
        return load(clientId).flatMap(history -> record(clientId, history.size(), RiskDecider.assessed(
                RiskState.of(history), clientId, level, rationale, clinician, UUID.randomUUID(), clock.instant()),
                clinician));
    }

    public Uni<RiskStatus> status(UUID clientId) {
        return RiskStatus.findById(clientId);
    }

    private Uni<List<RiskEvent>> load(UUID clientId) {
        return eventStore.load(clientId).map(stored -> stored.stream().map(e -> e.decode(RiskEvent.class)).toList());
    }

    private Uni<List<AlertNotice>> record(UUID clientId, int version, List<RiskEvent> events, String actor) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<IntegrationEvent> publish = events.stream().map(RiskLevels::toContract).toList();
        return eventStore.append(RiskEvent.STREAM, clientId, version, events, publish, actor)
                .call(() -> project(clientId, events))
                .flatMap(v -> {
                    Uni<List<AlertNotice>> chain = Uni.createFrom().item(new ArrayList<>());
                    for (RiskEvent event : events) {
                        if (event instanceof RiskEvent.Escalated escalated) {
                            chain = chain.flatMap(notices -> alerts.raise(escalated).map(notice -> {
                                notices.add(notice);
                                return notices;
                            }));
                        }
                    }
                    return chain;
                });
    }

    private Uni<Void> project(UUID clientId, List<RiskEvent> events) {
        return RiskStatus.<RiskStatus>findById(clientId).flatMap(found -> {
            RiskStatus status = found == null ? new RiskStatus() : found;
            status.clientId = clientId;
            for (RiskEvent event : events) {
                if (event instanceof RiskEvent.LevelChanged changed) {
                    if (changed.level() != changed.previousLevel() || status.level == null) {
                        status.levelSince = changed.changedAt();
                    }
                    status.level = changed.level().name();
                    status.rank = changed.level().ordinal();
                    status.reason = changed.reason();
                } else if (event instanceof RiskEvent.Escalated escalated) {
                    status.episodeId = escalated.episodeId();
                } else {
                    status.episodeId = null;
                }
            }
            return found == null ? status.persist().replaceWithVoid() : Uni.createFrom().voidItem();
        });
    }

    private static IntegrationEvent toContract(RiskEvent event) {
        if (event instanceof RiskEvent.LevelChanged c) {
            return new RiskLevelChanged(c.clientId(), c.previousLevel().name(), c.level().name(), c.source(),
                    c.assessmentId(), c.reason(), c.changedBy(), c.changedAt());
        }
        if (event instanceof RiskEvent.Escalated e) {
            return new RiskEscalated(e.clientId(), e.episodeId(), e.previousLevel().name(), e.level().name(),
                    e.reason(), e.assessmentId(), e.escalatedAt());
        }
        RiskEvent.Resolved r = (RiskEvent.Resolved) event;
        return new RiskResolved(r.clientId(), r.episodeId(), r.level().name(), r.rationale(), r.resolvedBy(),
                r.resolvedAt());
    }
}
