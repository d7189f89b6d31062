package org.careloop.risk.policy;

import com.fasterxml.jackson.core.type.TypeReference;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.careloop.contracts.codec.EventJson;
import org.careloop.platform.command.Commands;
import org.careloop.platform.command.Decision;
import org.careloop.platform.eventstore.StreamId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The escalation ladders in force: a supervisor's, or the clinic's configured default. */
@ApplicationScoped
public class EscalationPolicies {

    private final Commands commands;
    private final AckTimeoutBounds bounds;
    private final EscalationPolicy criticalDefault;
    private final EscalationPolicy urgentDefault;

    EscalationPolicies(
            Commands commands,
            @ConfigProperty(name = "careloop.escalation.critical") String critical,
            @ConfigProperty(name = "careloop.escalation.urgent") String urgent,
            @ConfigProperty(name = "careloop.escalation.shortest-ack-timeout")
                    Duration shortestAckTimeout,
            @ConfigProperty(name = "careloop.escalation.longest-ack-timeout")
                    Duration longestAckTimeout) {
        this.commands = commands;
        this.bounds = new AckTimeoutBounds(shortestAckTimeout, longestAckTimeout);
        this.criticalDefault = EscalationPolicy.parse(Priority.CRITICAL, critical, bounds);
        this.urgentDefault = EscalationPolicy.parse(Priority.URGENT, urgent, bounds);
    }

    /**
     * A ladder as a supervisor wrote it, checked against the clinic's bounds; names the offending
     * step.
     */
    public EscalationPolicy validated(Priority priority, List<EscalationStep> steps) {
        return EscalationPolicy.validated(priority, steps, bounds);
    }

    public Uni<EscalationPolicy> of(Priority priority) {
        return PolicyRecord.<PolicyRecord>findById(priority.name())
                .map(
                        record ->
                                record == null
                                        ? (priority == Priority.CRITICAL
                                                ? criticalDefault
                                                : urgentDefault)
                                        : new EscalationPolicy(priority, readSteps(record.steps)));
    }

    /** Puts a supervisor's ladder in force; runs in the caller's transaction. */
    public Uni<EscalationPolicy> replace(EscalationPolicy policy, String supervisor, Instant now) {
        return commands.handle(
                        stream(policy.priority()),
                        LadderEvent.class,
                        history ->
                                new Decision<>(
                                        List.of(
                                                new LadderEvent.LadderSet(
                                                        policy.priority(),
                                                        policy.steps(),
                                                        supervisor,
                                                        now)),
                                        List.of()),
                        supervisor)
                .replaceWith(policy);
    }

    /** Puts the clinic's configured default back in force; runs in the caller's transaction. */
    public Uni<EscalationPolicy> reset(Priority priority, String supervisor, Instant now) {
        return commands.handle(
                        stream(priority),
                        LadderEvent.class,
                        history ->
                                new Decision<>(
                                        List.of(
                                                new LadderEvent.LadderReset(
                                                        priority, supervisor, now)),
                                        List.of()),
                        supervisor)
                .replaceWith(priority == Priority.CRITICAL ? criticalDefault : urgentDefault);
    }

    private static StreamId stream(Priority priority) {
        return StreamId.of(LadderEvent.STREAM, priority.name());
    }

    public static Priority priority(String name) {
        try {
            return Priority.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new org.careloop.platform.problem.InvalidCommand(
                    "priority", "must be one of " + Arrays.toString(Priority.values()));
        }
    }

    private static List<EscalationStep> readSteps(String json) {
        try {
            return EventJson.mapper().readValue(json, new TypeReference<List<EscalationStep>>() {});
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored escalation policy no longer reads", e);
        }
    }
}
