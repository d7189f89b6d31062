package org.careloop.referral.inbound;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.careloop.contracts.IntegrationEvent;
import org.careloop.contracts.intake.InboundReferralAccepted;
import org.careloop.contracts.intake.InboundReferralDeclined;
import org.careloop.contracts.referral.InboundReferralReceived;
import org.careloop.platform.command.Commands;
import org.careloop.platform.command.Decision;
import org.careloop.platform.command.History;
import org.careloop.platform.eventstore.StreamId;
import org.careloop.platform.inbox.ReceivedEvent;
import org.careloop.referral.partner.PartnerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs inbound referrals: records a partner's referral with its integration event, and intake's
 * answer to it. Every method runs in the caller's transaction.
 */
@ApplicationScoped
public class InboundReferrals {

    private final Commands commands;
    private final Clock clock;
    private final ZoneId clinicZone;

    InboundReferrals(
            Commands commands,
            Clock clock,
            @ConfigProperty(name = "careloop.clinic.time-zone") ZoneId clinicZone) {
        this.commands = commands;
        this.clock = clock;
        this.clinicZone = clinicZone;
    }

    /** Records the partner's referral and announces it to intake; returns its id. */
    public Uni<UUID> receive(PartnerRecord partner, ReferInbound command) {
        UUID inboundId = UUID.randomUUID();
        List<InboundEvent> events =
                InboundDecider.receive(
                        InboundState.NONE,
                        inboundId,
                        partner.partnerId,
                        command,
                        clock.instant(),
                        clinicZone);
        List<IntegrationEvent> publish =
                events.stream()
                        .<IntegrationEvent>mapMulti(
                                (event, out) -> {
                                    if (event instanceof InboundEvent.Received r) {
                                        out.accept(received(r, partner.name));
                                    }
                                })
                        .toList();
        return commands.record(
                        History.of(stream(inboundId)),
                        new Decision<>(events, publish),
                        "partner:" + partner.partnerId)
                .replaceWith(inboundId);
    }

    /**
     * Intake's answer (accepted or declined), in the consumer's transaction; other events change
     * nothing here.
     */
    public Uni<Void> apply(ReceivedEvent received) {
        return switch (received.event().orElse(null)) {
            case InboundReferralAccepted a ->
                    answer(
                            a.inboundId(),
                            state -> InboundDecider.accepted(state, a.at(), a.by()),
                            a.by());
            case InboundReferralDeclined d ->
                    answer(
                            d.inboundId(),
                            state -> InboundDecider.declined(state, d.reason(), d.at(), d.by()),
                            d.by());
            case null, default -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> answer(
            UUID inboundId, Function<InboundState, List<InboundEvent>> decide, String by) {
        return commands.load(stream(inboundId), InboundEvent.class)
                .flatMap(
                        history ->
                                commands.record(
                                        history,
                                        new Decision<>(
                                                decide.apply(InboundState.of(history.events())),
                                                List.of()),
                                        by))
                .replaceWithVoid();
    }

    private static InboundReferralReceived received(InboundEvent.Received r, String partnerName) {
        return new InboundReferralReceived(
                r.inboundId(),
                r.partnerId(),
                partnerName,
                r.partnerReference(),
                r.firstName(),
                r.lastName(),
                r.dateOfBirth(),
                r.phone(),
                r.email(),
                r.preferredLanguage(),
                r.serviceRequested(),
                r.reason(),
                r.urgency().name(),
                r.at());
    }

    private static StreamId stream(UUID inboundId) {
        return StreamId.of(InboundEvent.STREAM, inboundId);
    }
}
