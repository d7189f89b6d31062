package org.careloop.risk.alert;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.contracts.IntegrationEvent;
import org.careloop.contracts.risk.AlertAcknowledged;
import org.careloop.contracts.risk.AlertEscalated;
import org.careloop.contracts.risk.CrisisAlertRaised;
import org.careloop.platform.command.Commands;
import org.careloop.platform.command.Decision;
import org.careloop.platform.command.History;
import org.careloop.platform.deadline.Deadline;
import org.careloop.platform.deadline.Deadlines;
import org.careloop.platform.directory.ClientDirectory;
import org.careloop.platform.directory.KnownClient;
import org.careloop.platform.eventstore.EventStore;
import org.careloop.platform.eventstore.StoredEvent;
import org.careloop.platform.eventstore.StreamId;
import org.careloop.platform.problem.Problem;
import org.careloop.platform.problem.ProblemException;
import org.careloop.risk.careteam.CareTeams;
import org.careloop.risk.oncall.OnCallSchedule;
import org.careloop.risk.policy.EscalationPolicies;
import org.careloop.risk.policy.Priority;
import org.careloop.risk.risklevel.RiskEvent;
import org.careloop.risk.webhook.Page;
import org.careloop.risk.webhook.Webhooks;

/**
 * Raising crisis alerts, moving them up the ladder when their step times out, and acknowledging
 * them.
 */
@ApplicationScoped
public class Alerts {

    /** The deadline of an open alert's current step. */
    static final String ESCALATION = "alert-escalation";

    private final EventStore eventStore;
    private final Commands commands;
    private final Deadlines deadlines;
    private final EscalationPolicies policies;
    private final OnCallSchedule onCall;
    private final ClientDirectory clients;
    private final Webhooks webhooks;
    private final CareTeams careTeams;
    private final AlertSteps steps;
    private final Clock clock;

    Alerts(
            EventStore eventStore,
            Commands commands,
            Deadlines deadlines,
            EscalationPolicies policies,
            OnCallSchedule onCall,
            ClientDirectory clients,
            Webhooks webhooks,
            CareTeams careTeams,
            AlertSteps steps,
            Clock clock) {
        this.steps = steps;
        this.webhooks = webhooks;
        this.careTeams = careTeams;
        this.eventStore = eventStore;
        this.commands = commands;
        this.deadlines = deadlines;
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
                .flatMap(
                        policy ->
                                onCall.holdersAt(now)
                                        .map(
                                                holders ->
                                                        AlertDecider.raise(
                                                                alertId,
                                                                escalation.clientId(),
                                                                escalation.episodeId(),
                                                                escalation.level(),
                                                                escalation.reason(),
                                                                policy,
                                                                holders,
                                                                now)))
                .flatMap(
                        raised ->
                                record(
                                        History.of(stream(alertId)),
                                        null,
                                        List.of(raised),
                                        "risk-service"));
    }

    /**
     * The timeout of an alert's step, in the transaction that claimed its deadline: moves the alert
     * to its next step exactly once; null when there is nothing to announce (acknowledged or moved
     * on meanwhile).
     */
    Uni<AlertNotice> timedOut(Deadline deadline, Instant now) {
        UUID alertId = deadline.streamId;
        return load(alertId)
                .flatMap(
                        history -> {
                            if (history.isNew()) {
                                throw new IllegalStateException(
                                        "a deadline for alert "
                                                + alertId
                                                + ", which has no history");
                            }
                            AlertState state = AlertState.of(history.events());
                            return onCall.holdersAt(now)
                                    .flatMap(
                                            holders -> {
                                                List<AlertEvent> events =
                                                        AlertDecider.timeout(
                                                                state, deadline.step, holders, now);
                                                if (events.isEmpty()) {
                                                    return deadlines
                                                            .clear(ESCALATION, alertId)
                                                            .replaceWith((AlertNotice) null);
                                                }
                                                return record(
                                                        history, state, events, "escalation-timer");
                                            });
                        });
    }

    /** Acknowledges an alert; a second acknowledgement returns the alert unchanged. */
    public Uni<AlertNotice> acknowledge(UUID alertId, String who, boolean supervisor) {
        Instant now = clock.instant();
        // The step's deadline first, as the escalation clock takes it: an acknowledgement while
        // the clock moves the alert waits for that step, then acknowledges it.
        return Panache.withTransaction(
                () ->
                        deadlines
                                .hold(ESCALATION, alertId)
                                .flatMap(held -> load(alertId))
                                .flatMap(
                                        history -> {
                                            if (history.isNew()) {
                                                throw new ProblemException(
                                                        Problem.notFound(
                                                                "alert", "no alert " + alertId));
                                            }
                                            AlertState state = AlertState.of(history.events());
                                            List<AlertEvent> events =
                                                    AlertDecider.acknowledge(
                                                            state, who, supervisor, now);
                                            if (events.isEmpty()) {
                                                return Uni.createFrom().nullItem();
                                            }
                                            return record(history, state, events, who);
                                        }));
    }

    private Uni<History<AlertEvent>> load(UUID alertId) {
        return commands.load(stream(alertId), AlertEvent.class);
    }

    public Uni<List<StoredEvent>> history(UUID alertId) {
        return eventStore.load(stream(alertId));
    }

    private static StreamId stream(UUID alertId) {
        return StreamId.of(AlertEvent.STREAM, alertId);
    }

    /**
     * Records the events (the board follows as a projection), sets the timer, queues the pages, and
     * stores the step for the consoles last (its position is held until the commit); returns the
     * notice, naming the client's primary clinician as the care team stands now.
     */
    private Uni<AlertNotice> record(
            History<AlertEvent> history, AlertState before, List<AlertEvent> events, String actor) {
        AlertState after = before;
        for (AlertEvent event : events) {
            after = AlertState.evolve(after, event);
        }
        AlertState state = after;
        AlertEvent last = events.get(events.size() - 1);
        List<IntegrationEvent> publish =
                events.stream().map(Alerts::toContract).filter(e -> e != null).toList();
        return commands.record(history, new Decision<>(events, publish), actor)
                .call(() -> timer(state))
                .flatMap(v -> clients.find(state.clientId()))
                .flatMap(
                        client ->
                                careTeams
                                        .primaryOf(state.clientId())
                                        .map(primary -> notice(state, last, client, primary)))
                .call(
                        notice ->
                                webhooks.queue(
                                        new Page(
                                                notice.alertId(),
                                                notice.kind(),
                                                notice.priority(),
                                                notice.tier(),
                                                notice.step(),
                                                notice.at()),
                                        at(last)))
                .call(steps::append);
    }

    private Uni<Void> timer(AlertState state) {
        Instant due = state.dueAt();
        return due == null
                ? deadlines.clear(ESCALATION, state.alertId())
                : deadlines.set(ESCALATION, state.alertId(), state.step(), due);
    }

    private static AlertNotice notice(
            AlertState state, AlertEvent last, KnownClient client, String primary) {
        String kind =
                switch (last) {
                    case AlertEvent.Raised r -> "RAISED";
                    case AlertEvent.Escalated e -> "ESCALATED";
                    case AlertEvent.Acknowledged a -> "ACKNOWLEDGED";
                    case AlertEvent.Exhausted x -> "EXHAUSTED";
                };
        String name =
                client == null
                        ? null
                        : (client.preferredName == null ? client.firstName : client.preferredName)
                                + " "
                                + client.lastName;
        return new AlertNotice(
                kind,
                state.alertId(),
                state.clientId(),
                name,
                client == null ? null : client.phone,
                state.priority().name(),
                state.riskLevel().name(),
                state.reason(),
                state.tier().name(),
                state.step(),
                state.addressedTo(),
                primary,
                false,
                state.raisedAt(),
                at(last));
    }

    static Instant at(AlertEvent event) {
        return switch (event) {
            case AlertEvent.Raised r -> r.raisedAt();
            case AlertEvent.Escalated e -> e.escalatedAt();
            case AlertEvent.Acknowledged a -> a.acknowledgedAt();
            case AlertEvent.Exhausted x -> x.exhaustedAt();
        };
    }

    /**
     * The published event, if any: an exhausted ladder is known from its last step's alert, not
     * announced apart.
     */
    private static IntegrationEvent toContract(AlertEvent event) {
        return switch (event) {
            case AlertEvent.Raised r ->
                    new CrisisAlertRaised(
                            r.clientId(),
                            r.alertId(),
                            r.episodeId(),
                            r.priority().name(),
                            r.riskLevel().name(),
                            r.reason(),
                            r.tier().name(),
                            r.step(),
                            r.addressedTo(),
                            r.raisedAt());
            case AlertEvent.Escalated e ->
                    new AlertEscalated(
                            e.clientId(),
                            e.alertId(),
                            e.fromTier().name(),
                            e.tier().name(),
                            e.step(),
                            e.addressedTo(),
                            e.escalatedAt());
            case AlertEvent.Acknowledged a ->
                    new AlertAcknowledged(
                            a.clientId(),
                            a.alertId(),
                            a.tier().name(),
                            a.step(),
                            a.acknowledgedBy(),
                            a.acknowledgedAt());
            case AlertEvent.Exhausted x -> null;
        };
    }
}
