package org.careloop.risk.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import org.careloop.contracts.codec.EventJson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The escalation ladders in force: a supervisor's, or the clinic's configured default. */
@ApplicationScoped
public class EscalationPolicies {

    private final AckTimeoutBounds bounds;
    private final EscalationPolicy criticalDefault;
    private final EscalationPolicy urgentDefault;

    EscalationPolicies(@ConfigProperty(name = "careloop.escalation.critical") String critical,
            @ConfigProperty(name = "careloop.escalation.urgent") String urgent,
            @ConfigProperty(name = "careloop.escalation.shortest-ack-timeout") Duration shortestAckTimeout,
            @ConfigProperty(name = "careloop.escalation.longest-ack-timeout") Duration longestAckTimeout) {
        this.bounds = new AckTimeoutBounds(shortestAckTimeout, longestAckTimeout);
        this.criticalDefault = EscalationPolicy.parse(Priority.CRITICAL, critical, bounds);
        this.urgentDefault = EscalationPolicy.parse(Priority.URGENT, urgent, bounds);
    }

    /** A ladder as a supervisor wrote it, checked against the clinic's bounds; names the offending step. */
    public EscalationPolicy validated(Priority priority, List<EscalationStep> steps) {
        return EscalationPolicy.validated(priority, steps, bounds);
    }

    public Uni<EscalationPolicy> of(Priority priority) {
        return PolicyRecord.<PolicyRecord>findById(priority.name()).map(record -> record == null
                ? (priority == Priority.CRITICAL ? criticalDefault : urgentDefault)
                : new EscalationPolicy(priority, readSteps(record.steps)));
    }

    public Uni<EscalationPolicy> replace(EscalationPolicy policy, String supervisor, Instant now) {
        PolicyRecord record = new PolicyRecord();
        record.priority = policy.priority().name();
        record.steps = EventJson.encode(policy.steps());
        record.updatedBy = supervisor;
        record.updatedAt = now;
        return Panache.getSession().flatMap(session -> session.merge(record)).replaceWith(policy);
    }

    public static Priority priority(String name) {
        try {
            return Priority.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new org.careloop.platform.problem.InvalidCommand("priority",
                    "must be one of " + Arrays.toString(Priority.values()));
        }
    }

    private static List<EscalationStep> readSteps(String json) {
        try {
            return EventJson.mapper().readValue(json, new TypeReference<List<EscalationStep>>() { });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored escalation policy no longer reads", e);
        }
    }
}
