package org.careloop.intake.inbound;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.contracts.IntegrationEvent;
import org.careloop.contracts.intake.InboundReferralAccepted;
import org.careloop.contracts.intake.InboundReferralDeclined;
import org.careloop.contracts.referral.InboundReferralReceived;
import org.careloop.intake.client.ClientRegistration;
import org.careloop.intake.client.RegisterClient;
import org.careloop.platform.command.Commands;
import org.careloop.platform.command.Decision;
import org.careloop.platform.eventstore.StreamId;
import org.careloop.platform.inbox.ReceivedEvent;
import org.careloop.platform.problem.InvalidCommand;

/**
 * Runs inbound referrals at intake: a partner's referral becomes an open task; accepting it
 * registers the client through the normal registration, in the same transaction. Every method runs
 * in the caller's transaction.
 */
@ApplicationScoped
public class InboundReferrals {

    private final Commands commands;
    private final ClientRegistration registration;
    private final InboundTasks tasks;
    private final Validator validator;
    private final Clock clock;

    InboundReferrals(
            Commands commands,
            ClientRegistration registration,
            InboundTasks tasks,
            Validator validator,
            Clock clock) {
        this.commands = commands;
        this.registration = registration;
        this.tasks = tasks;
        this.validator = validator;
        this.clock = clock;
    }

    /** A partner's referral from referral-service, in the consumer's transaction. */
    public Uni<Void> received(ReceivedEvent event) {
        if (!(event.event().orElse(null) instanceof InboundReferralReceived r)) {
            return Uni.createFrom().voidItem();
        }
        InboundEvent.Received received =
                new InboundEvent.Received(
                        r.inboundId(),
                        r.partnerId(),
                        r.partnerName(),
                        r.partnerReference(),
                        r.firstName(),
                        r.lastName(),
                        r.dateOfBirth(),
                        r.phone(),
                        r.email(),
                        r.preferredLanguage(),
                        r.serviceRequested(),
                        r.reason(),
                        Urgency.valueOf(r.urgency()),
                        r.receivedAt());
        return commands.load(stream(r.inboundId()), InboundEvent.class)
                .flatMap(
                        history ->
                                commands.record(
                                        history,
                                        new Decision<>(
                                                InboundDecider.receive(
                                                        InboundState.of(history.events()),
                                                        received),
                                                List.of()),
                                        "partner:" + r.partnerId()))
                .replaceWithVoid();
    }

    /**
     * Accepts the referral: registers the person (the partner's demographics with the coordinator's
     * corrections, under intake's rules) and publishes the acceptance.
     */
    public Uni<InboundTask> accept(UUID inboundId, AcceptInbound overrides, String by) {
        UUID clientId = UUID.randomUUID();
        Instant now = clock.instant();
        return commands.load(stream(inboundId), InboundEvent.class)
                .flatMap(
                        history -> {
                            InboundState state = InboundState.of(history.events());
                            List<InboundEvent> events =
                                    InboundDecider.accept(state, clientId, by, now);
                            RegisterClient client = InboundDecider.registration(state, overrides);
                            valid(client);
                            return registration
                                    .register(clientId, client, by)
                                    .flatMap(
                                            registered ->
                                                    commands.record(
                                                            history,
                                                            new Decision<>(
                                                                    events, published(events)),
                                                            by));
                        })
                .flatMap(recorded -> tasks.find(inboundId));
    }

    /** Declines the referral and publishes the decline, with the reason the partner is told. */
    public Uni<InboundTask> decline(UUID inboundId, DeclineInbound command, String by) {
        Instant now = clock.instant();
        return commands.load(stream(inboundId), InboundEvent.class)
                .flatMap(
                        history -> {
                            List<InboundEvent> events =
                                    InboundDecider.decline(
                                            InboundState.of(history.events()),
                                            command.reason(),
                                            by,
                                            now);
                            return commands.record(
                                    history, new Decision<>(events, published(events)), by);
                        })
                .flatMap(recorded -> tasks.find(inboundId));
    }

    /** The registration as corrected must pass the rules a front-desk registration does. */
    private void valid(RegisterClient client) {
        for (ConstraintViolation<RegisterClient> violation : validator.validate(client)) {
            throw new InvalidCommand(
                    violation.getPropertyPath().toString(), violation.getMessage());
        }
    }

    private static List<IntegrationEvent> published(List<InboundEvent> events) {
        return events.stream()
                .<IntegrationEvent>mapMulti(
                        (event, out) -> {
                            switch (event) {
                                case InboundEvent.Accepted a ->
                                        out.accept(
                                                new InboundReferralAccepted(
                                                        a.inboundId(),
                                                        a.clientId(),
                                                        a.at(),
                                                        a.by()));
                                case InboundEvent.Declined d ->
                                        out.accept(
                                                new InboundReferralDeclined(
                                                        d.inboundId(), d.reason(), d.at(), d.by()));
                                case InboundEvent.Received r -> {}
                            }
                        })
                .toList();
    }

    private static StreamId stream(UUID inboundId) {
        return StreamId.of(InboundEvent.STREAM, inboundId);
    }
}
