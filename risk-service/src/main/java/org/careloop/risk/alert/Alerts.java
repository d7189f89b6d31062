package org.careloop.risk.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import org.careloop.contracts.IntegrationEvent;
import org.careloop.contracts.risk.AlertAcknowledged;
import org.careloop.contracts.risk.AlertEscalated;
import org.careloop.contracts.risk.CrisisAlertRaised;
import org.careloop.platform.directory.ClientDirectory;
import org.careloop.platform.directory.KnownClient;
import org.careloop.platform.eventstore.EventStore;
import org.careloop.platform.eventstore.StoredEvent;
import org.careloop.platform.problem.Problem;
import org.careloop.platform.problem.ProblemException;
import org.careloop.risk.oncall.OnCallSchedule;
import org.careloop.risk.oncall.Tier;
import org.careloop.risk.policy.EscalationPolicies;
import org.careloop.risk.policy.Priority;
import org.careloop.risk.risklevel.RiskEvent;
import org.careloop.risk.webhook.Webhooks;
import org.jboss.logging.Logger;

/** Raising crisis alerts, moving them up the ladder when their step times out, and acknowledging them. */
@ApplicationScoped
public class Alerts {

    static final int TIMERS_PER_TICK = 100;
    private static final Logger LOG = Logger.getLogger(Alerts.class);

    private final EventStore eventStore;
    private final EscalationPolicies policies;
    private final OnCallSchedule onCall;
    private final ClientDirectory clients;
    private final Webhooks webhooks;
    private final Clock clock;

    Alerts(EventStore eventStore, EscalationPolicies policies, OnCallSchedule onCall, ClientDirectory clients,
            Webhooks webhooks, Clock clock) {
        this.webhooks = webhooks;
        this.eventStore = eventStore;
        this.policies = policies;
        this.onCall = onCall;
        this.clients = clients;
        this.clock = clock;
    }

    /** Raises the alert an escalation calls for; runs in the caller's transaction. */
    public Uni<AlertNotice> raise(RiskEvent.Escalated escalation) {
        Instant now = clock.instant();
        UUID alertId = UUID.randomUUID();
        return policies.of(Priority.of(escalation.level()))
                .flatMap(policy -> onCall.holdersAt(now).map(holders -> AlertDecider.raise(alertId,
                        escalation.clientId(), escalation.episodeId(), escalation.level(), escalation.reason(), policy,
                        holders, now)))
                .flatMap(raised -> record(alertId, 0, null, List.of(raised), "risk-service"));
    }

    /**
     * Moves every alert whose step timed out to its next step, each exactly once. Each alert moves in a transaction of
     * its own, so one that cannot move (a conflict with an acknowledgement, a defect) holds up no other; its timer
     * stays, and the next check tries it again.
     */
    public Uni<List<AlertNotice>> escalateDue() {
        Instant now = clock.instant();
        return Panache.withSession(() -> AlertTimer.<AlertTimer>find("dueAt <= ?1 order by dueAt", now)
                .range(0, TIMERS_PER_TICK - 1).list()
                .flatMap(due -> due.isEmpty() ? Uni.createFrom().item(new Due(due, Map.of()))
                        : onCall.holdersAt(now).map(holders -> new Due(due, holders))))
                .flatMap(due -> {
                    Uni<List<AlertNotice>> chain = Uni.createFrom().item(new ArrayList<>());
                    for (AlertTimer timer : due.timers()) {
                        UUID alertId = timer.alertId;
                        chain = chain.flatMap(notices -> escalate(alertId, due.holders(), now)
                                .onFailure().invoke(e -> LOG.errorf(e,
                                        "alert %s could not move up its ladder; the next check tries again", alertId))
                                .onFailure().recoverWithNull()
                                .map(notice -> {
                                    if (notice != null) {
                                        notices.add(notice);
                                    }
                                    return notices;
                                }));
                    }
                    return chain;
                });
    }

    /** One alert's timeout, under a lock on its timer; null when there is nothing to announce. */
    private Uni<AlertNotice> escalate(UUID alertId, Map<Tier, String> holders, Instant now) {
        return Panache.withTransaction(() -> AlertTimer.<AlertTimer>findById(alertId, LockModeType.PESSIMISTIC_WRITE)
                .flatMap(timer -> {
                    if (timer == null || timer.dueAt.isAfter(now)) {
                        // Acknowledged or moved on by someone else meanwhile.
                        return Uni.createFrom().nullItem();
                    }
                    return load(alertId).flatMap(history -> {
                        if (history.isEmpty()) {
                            throw new IllegalStateException("a timer for alert " + alertId + ", which has no history");
                        }
                        AlertState state = AlertState.of(history);
                        List<AlertEvent> events = AlertDecider.timeout(state, timer.step, holders, now);
                        if (events.isEmpty()) {
                            return timer.delete().replaceWith((AlertNotice) null);
                        }
                        return record(alertId, history.size(), state, events, "escalation-timer");
                    });
                }));
    }

    /** The timers due at one check, and who holds each tier at that moment. */
    private record Due(List<AlertTimer> timers, Map<Tier, String> holders) {
    }

    /** Acknowledges an alert; a second acknowledgement returns the alert unchanged. */
    public Uni<AlertNotice> acknowledge(UUID alertId, String who, boolean supervisor) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> load(alertId).flatMap(history -> {
            if (history.isEmpty()) {
                throw new ProblemException(Problem.notFound("alert", "no alert " + alertId));
            }
            AlertState state = AlertState.of(history);
            List<AlertEvent> events = AlertDecider.acknowledge(state, who, supervisor, now);
            if (events.isEmpty()) {
                return Uni.createFrom().nullItem();
            }
            return record(alertId, history.size(), state, events, who);
        }));
    }

    public Uni<List<AlertEvent>> load(UUID alertId) {
        // An id of another kind of stream (a client's, say) is no alert: its history is empty, so the caller's 404.
        return eventStore.load(alertId).map(stored -> stored.stream()
                .filter(e -> AlertEvent.STREAM.equals(e.streamType)).map(e -> e.decode(AlertEvent.class)).toList());
    }

    public Uni<List<StoredEvent>> history(UUID alertId) {
        return eventStore.load(alertId);
    }

    /** Appends, publishes, and brings the board and the timer in step; returns the notice for the console. */
    private Uni<AlertNotice> record(UUID alertId, int version, AlertState before, List<AlertEvent> events,
            String actor) {
        AlertState after = before;
        for (AlertEvent event : events) {
            after = AlertState.evolve(after, event);
        }
        AlertState state = after;
        AlertEvent last = events.get(events.size() - 1);
        List<IntegrationEvent> publish = events.stream().map(e -> toContract(e, state)).filter(e -> e != null)
                .toList();
        return eventStore.append(AlertEvent.STREAM, alertId, version, events, publish, actor)
                .call(() -> board(state, last))
                .call(() -> timer(state))
                .flatMap(v -> clients.find(state.clientId()))
                .map(client -> notice(state, last, client))
                .call(notice -> webhooks.queue(notice, at(last)));
    }

    private Uni<Void> board(AlertState state, AlertEvent last) {
        return AlertRecord.<AlertRecord>findById(state.alertId()).flatMap(found -> {
            AlertRecord record = found == null ? new AlertRecord() : found;
            record.alertId = state.alertId();
            record.clientId = state.clientId();
            record.priority = state.priority().name();
            record.riskLevel = state.riskLevel().name();
            record.reason = state.reason();
            record.status = state.status().name();
            record.tier = state.tier().name();
            record.step = state.step();
            record.addressedTo = state.addressedTo();
            record.raisedAt = state.raisedAt();
            record.updatedAt = at(last);
            String addressee = state.addressedTo() == null ? "" : state.addressedTo();
            record.addressees = record.addressees == null ? " " + addressee + " "
                    : record.addressees.contains(" " + addressee + " ") ? record.addressees
                    : record.addressees + addressee + " ";
            return found == null ? record.persist().replaceWithVoid() : Uni.createFrom().voidItem();
        });
    }

    private Uni<Void> timer(AlertState state) {
        return AlertTimer.<AlertTimer>findById(state.alertId()).flatMap(found -> {
            Instant due = state.dueAt();
            if (due == null) {
                return found == null ? Uni.createFrom().voidItem() : found.delete();
            }
            AlertTimer timer = found == null ? new AlertTimer() : found;
            timer.alertId = state.alertId();
            timer.step = state.step();
            timer.dueAt = due;
            return found == null ? timer.persist().replaceWithVoid() : Uni.createFrom().voidItem();
        });
    }

    private static AlertNotice notice(AlertState state, AlertEvent last, KnownClient client) {
        String kind = last instanceof AlertEvent.Raised ? "RAISED" : last instanceof AlertEvent.Escalated ? "ESCALATED"
                : last instanceof AlertEvent.Acknowledged ? "ACKNOWLEDGED" : "EXHAUSTED";
        String name = client == null ? null
                : (client.preferredName == null ? client.firstName : client.preferredName) + " " + client.lastName;
        return new AlertNotice(kind, state.alertId(), state.clientId(), name, client == null ? null : client.phone,
                state.priority().name(), state.riskLevel().name(), state.reason(), state.tier().name(), state.step(),
                state.addressedTo(), state.raisedAt(), at(last));
    }

    static Instant at(AlertEvent event) {
        if (event instanceof AlertEvent.Raised r) {
            return r.raisedAt();
        }
        if (event instanceof AlertEvent.Escalated e) {
            return e.escalatedAt();
        }
        if (event instanceof AlertEvent.Acknowledged a) {
            return a.acknowledgedAt();
        }
        return ((AlertEvent.Exhausted) event).exhaustedAt();
    }

    private static IntegrationEvent toContract(AlertEvent event, AlertState state) {
        if (event instanceof AlertEvent.Raised r) {
            return new CrisisAlertRaised(r.clientId(), r.alertId(), r.episodeId(), r.priority().name(),
                    r.riskLevel().name(), r.reason(), r.tier().name(), r.step(), r.addressedTo(), r.raisedAt());
        }
        if (event instanceof AlertEvent.Escalated e) {
            return new AlertEscalated(e.clientId(), e.alertId(), e.fromTier().name(), e.tier().name(), e.step(),
                    e.addressedTo(), e.escalatedAt());
        }
        if (event instanceof AlertEvent.Acknowledged a) {
            return new AlertAcknowledged(a.clientId(), a.alertId(), a.tier().name(), a.step(), a.acknowledgedBy(),
                    a.acknowledgedAt());
        }
        return null;
    }
}
