package org.careloop.referral.referral;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.careloop.contracts.IntegrationEvent;
import org.careloop.contracts.access.RecordDisclosed;
import org.careloop.contracts.referral.ReferralAccepted;
import org.careloop.contracts.referral.ReferralAppointmentBooked;
import org.careloop.contracts.referral.ReferralCancelled;
import org.careloop.contracts.referral.ReferralClosed;
import org.careloop.contracts.referral.ReferralCompleted;
import org.careloop.contracts.referral.ReferralFailed;
import org.careloop.contracts.referral.ReferralOverdue;
import org.careloop.contracts.referral.ReferralRejected;
import org.careloop.contracts.referral.ReferralRequested;
import org.careloop.platform.command.Commands;
import org.careloop.platform.command.Decision;
import org.careloop.platform.command.History;
import org.careloop.platform.consent.ConsentCheck;
import org.careloop.platform.consent.Consents;
import org.careloop.platform.consent.Part2;
import org.careloop.platform.consent.Purpose;
import org.careloop.platform.deadline.Deadline;
import org.careloop.platform.deadline.Deadlines;
import org.careloop.platform.directory.ClientDirectory;
import org.careloop.platform.eventstore.StreamId;
import org.careloop.platform.problem.InvalidCommand;
import org.careloop.platform.problem.Refused;
import org.careloop.referral.partner.PartnerDirectory;
import org.careloop.referral.partner.PartnerRecord;
import org.careloop.referral.partner.Partners;
import org.careloop.referral.partner.ServiceType;
import org.careloop.referral.subscription.Announcements;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the referral commands and clocks: checks the partner and the client's consent, records the
 * events with their integration events, and sets or clears the clocks they imply. Every method runs
 * in the caller's transaction.
 */
@ApplicationScoped
public class Referrals {

    static final String ACCEPTANCE = "referral-acceptance";
    static final String FIRST_APPOINTMENT = "referral-first-appointment";
    private static final String TRIGGER = "referral-trigger";

    private final Commands commands;
    private final PartnerDirectory partners;
    private final ClientDirectory clients;
    private final Consents consents;
    private final Deadlines deadlines;
    private final Announcements announcements;
    private final Clock clock;
    private final ZoneId clinicZone;
    private final Sla sla;
    private final String serviceName;

    Referrals(
            Commands commands,
            PartnerDirectory partners,
            ClientDirectory clients,
            Consents consents,
            Deadlines deadlines,
            Announcements announcements,
            Clock clock,
            @ConfigProperty(name = "careloop.clinic.time-zone") ZoneId clinicZone,
            @ConfigProperty(name = "careloop.referrals.sla.emergent.accepted-within")
                    Duration emergentAccepted,
            @ConfigProperty(name = "careloop.referrals.sla.emergent.seen-within")
                    Duration emergentSeen,
            @ConfigProperty(name = "careloop.referrals.sla.urgent.accepted-within")
                    Duration urgentAccepted,
            @ConfigProperty(name = "careloop.referrals.sla.urgent.seen-within") Duration urgentSeen,
            @ConfigProperty(name = "careloop.referrals.sla.routine.accepted-within")
                    Duration routineAccepted,
            @ConfigProperty(name = "careloop.referrals.sla.routine.seen-within")
                    Duration routineSeen,
            @ConfigProperty(name = "quarkus.application.name") String serviceName) {
        this.commands = commands;
        this.partners = partners;
        this.clients = clients;
        this.consents = consents;
        this.deadlines = deadlines;
        this.announcements = announcements;
        this.clock = clock;
        this.clinicZone = clinicZone;
        this.sla =
                new Sla(
                        Map.of(
                                Urgency.EMERGENT,
                                new Sla.Windows(emergentAccepted, emergentSeen),
                                Urgency.URGENT,
                                new Sla.Windows(urgentAccepted, urgentSeen),
                                Urgency.ROUTINE,
                                new Sla.Windows(routineAccepted, routineSeen)));
        this.serviceName = serviceName;
    }

    /** Drafts a referral to a partner offering the service; returns its id. */
    public Uni<UUID> draft(UUID clientId, DraftReferral command, String by) {
        UUID referralId = UUID.randomUUID();
        Instant now = clock.instant();
        return clients.known(clientId)
                .flatMap(client -> partner("partnerId", command.partnerId()))
                .invoke(
                        partner -> {
                            if (!partner.offers(command.serviceType())) {
                                throw new InvalidCommand(
                                        "serviceType",
                                        "partner "
                                                + partner.partnerId
                                                + " does not offer "
                                                + command.serviceType()
                                                + "; it offers "
                                                + partner.services());
                            }
                        })
                .flatMap(
                        partner ->
                                record(
                                        History.of(stream(referralId)),
                                        state ->
                                                ReferralDecider.draft(
                                                        state,
                                                        referralId,
                                                        clientId,
                                                        command,
                                                        by,
                                                        now),
                                        by))
                .replaceWith(referralId);
    }

    /**
     * Drafts what another service's event asks for, in the caller's transaction (the consumer's,
     * with its inbox entry); a source already drafted drafts nothing.
     */
    public Uni<Void> draftFromTrigger(DraftFromTrigger command) {
        Instant now = clock.instant();
        return commands.load(stream(command.referralId()), ReferralEvent.class)
                .flatMap(
                        history ->
                                record(
                                        history,
                                        s -> ReferralDecider.draftFromTrigger(s, command, now),
                                        TRIGGER))
                .replaceWithVoid();
    }

    /** The referrer completes or changes the draft; a partner named must exist. */
    public Uni<Void> amend(UUID referralId, AmendDraft command, ReferralDecider.Actor actor) {
        Instant now = clock.instant();
        Uni<List<ServiceType>> offered =
                command.partnerId() == null
                        ? Uni.createFrom().item(List.of())
                        : partner("partnerId", command.partnerId()).map(PartnerRecord::services);
        return load(referralId)
                .flatMap(
                        history ->
                                offered.flatMap(
                                        services ->
                                                record(
                                                        history,
                                                        s ->
                                                                ReferralDecider.amend(
                                                                        s, command, services, actor,
                                                                        now),
                                                        actor.username())))
                .replaceWithVoid();
    }

    /**
     * Sends the referral when the client's consent permits the disclosure to the partner; the
     * disclosure is accounted for in the same decision.
     */
    public Uni<Void> send(UUID referralId, ReferralDecider.Actor actor) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clinicZone);
        return load(referralId)
                .flatMap(
                        history -> {
                            ReferralState state = ReferralState.of(history.events());
                            boolean part2 = Part2.anyCode(state.diagnoses());
                            return consents.of(state.clientId())
                                    .flatMap(
                                            all -> {
                                                ConsentCheck.Verdict verdict =
                                                        ConsentCheck.check(
                                                                all,
                                                                Partners.recipient(
                                                                        state.partnerId()),
                                                                Purpose.TREATMENT,
                                                                part2,
                                                                today);
                                                return record(
                                                        history,
                                                        s ->
                                                                ReferralDecider.send(
                                                                        s, verdict, part2, sla,
                                                                        actor, now),
                                                        actor.username());
                                            });
                        })
                .replaceWithVoid();
    }

    public Uni<Void> partnerUpdate(
            UUID referralId, PartnerUpdate command, ReferralDecider.Actor actor) {
        Instant now = clock.instant();
        return load(referralId)
                .flatMap(
                        history -> {
                            ReferralState state = ReferralState.of(history.events());
                            return partner("partnerId", state.partnerId())
                                    .flatMap(
                                            partner ->
                                                    record(
                                                            history,
                                                            s ->
                                                                    ReferralDecider.partnerUpdate(
                                                                            s,
                                                                            command,
                                                                            partner.electronic,
                                                                            actor,
                                                                            now),
                                                            actor.username()));
                        })
                .replaceWithVoid();
    }

    /** A partner's answer through its electronic interface; its token names {@code partnerId}. */
    public Uni<Void> partnerAnswer(UUID referralId, String partnerId, PartnerUpdate command) {
        Instant now = clock.instant();
        return commands.load(stream(referralId), ReferralEvent.class)
                .flatMap(
                        history -> {
                            if (history.events().isEmpty()) {
                                throw Refused.notFound("task", "no task " + referralId);
                            }
                            Instant booked = null;
                            for (ReferralEvent event : history.events()) {
                                if (event instanceof ReferralEvent.AppointmentBooked b) {
                                    booked = b.appointmentAt();
                                }
                            }
                            Instant appointment = booked;
                            return record(
                                    history,
                                    s ->
                                            ReferralDecider.partnerAnswer(
                                                    s, appointment, partnerId, command, now),
                                    Partners.recipient(partnerId));
                        })
                .replaceWithVoid();
    }

    public Uni<Void> review(UUID referralId, ReferralDecider.Actor actor) {
        Instant now = clock.instant();
        return run(referralId, s -> ReferralDecider.review(s, actor, now), actor);
    }

    public Uni<Void> cancel(UUID referralId, Reason command, ReferralDecider.Actor actor) {
        Instant now = clock.instant();
        return run(referralId, s -> ReferralDecider.cancel(s, command, actor, now), actor);
    }

    public Uni<Void> hold(UUID referralId, Reason command, ReferralDecider.Actor actor) {
        Instant now = clock.instant();
        return run(referralId, s -> ReferralDecider.hold(s, command, actor, now), actor);
    }

    public Uni<Void> resume(UUID referralId, ReferralDecider.Actor actor) {
        Instant now = clock.instant();
        return run(referralId, s -> ReferralDecider.resume(s, actor, now), actor);
    }

    /** The events of one referral, for its timeline. */
    public Uni<List<ReferralEvent>> events(UUID referralId) {
        return commands.load(stream(referralId), ReferralEvent.class).map(History::events);
    }

    /** One of the referral clocks fell due; it fires once and is gone. */
    Uni<Void> due(Deadline deadline, Instant now) {
        SlaClock which =
                switch (deadline.kind) {
                    case ACCEPTANCE -> SlaClock.ACCEPTANCE;
                    case FIRST_APPOINTMENT -> SlaClock.FIRST_APPOINTMENT;
                    default -> throw new IllegalArgumentException(deadline.kind);
                };
        return load(deadline.streamId)
                .flatMap(
                        history ->
                                record(
                                        history,
                                        s -> ReferralDecider.lapse(s, which, now),
                                        "referral-clock"))
                .call(() -> deadlines.clear(deadline.kind, deadline.streamId))
                .replaceWithVoid();
    }

    private Uni<Void> run(
            UUID referralId,
            Function<ReferralState, List<ReferralEvent>> decide,
            ReferralDecider.Actor actor) {
        return load(referralId)
                .flatMap(history -> record(history, decide, actor.username()))
                .replaceWithVoid();
    }

    private Uni<PartnerRecord> partner(String field, String partnerId) {
        return partners.find(partnerId)
                .map(
                        partner -> {
                            if (partner == null) {
                                throw new InvalidCommand(
                                        field,
                                        "no partner "
                                                + partnerId
                                                + ": set it up first (PUT /partners/"
                                                + partnerId
                                                + ")");
                            }
                            return partner;
                        });
    }

    private static StreamId stream(UUID referralId) {
        return StreamId.of(ReferralEvent.STREAM, referralId);
    }

    private Uni<History<ReferralEvent>> load(UUID referralId) {
        return commands.load(stream(referralId), ReferralEvent.class)
                .invoke(
                        history -> {
                            if (history.events().isEmpty()) {
                                throw Refused.notFound("referral", "no referral " + referralId);
                            }
                        });
    }

    /**
     * Decides on the history, records the events with their integration events, and sets or clears
     * the clocks as the state before and after says.
     */
    private Uni<List<ReferralEvent>> record(
            History<ReferralEvent> history,
            Function<ReferralState, List<ReferralEvent>> decide,
            String actor) {
        ReferralState before = ReferralState.of(history.events());
        List<ReferralEvent> events = decide.apply(before);
        if (events.isEmpty()) {
            return Uni.createFrom().item(events);
        }
        List<IntegrationEvent> publish = new ArrayList<>();
        ReferralState state = before;
        for (ReferralEvent event : events) {
            state = state.evolve(event);
            publish.addAll(toContracts(history, state, event));
        }
        ReferralState after = state;
        return commands.record(history, new Decision<>(events, publish), actor)
                .call(
                        recorded ->
                                clock(ACCEPTANCE, before.acceptanceDueAt(), after)
                                        .call(
                                                () ->
                                                        clock(
                                                                FIRST_APPOINTMENT,
                                                                before.seenDueAt(),
                                                                after)))
                .call(() -> announce(before, after, events))
                .replaceWith(events);
    }

    private Uni<Void> clock(String kind, Instant before, ReferralState after) {
        Instant now = kind.equals(ACCEPTANCE) ? after.acceptanceDueAt() : after.seenDueAt();
        if (now != null && !now.equals(before)) {
            return deadlines.set(kind, after.referralId(), 0, now);
        }
        if (now == null && before != null) {
            return deadlines.clear(kind, after.referralId());
        }
        return Uni.createFrom().voidItem();
    }

    /**
     * Queues, in this transaction, the announcement of a sending to the partner's subscription, and
     * of the cancellation of a referral it was sent.
     */
    private Uni<Void> announce(
            ReferralState before, ReferralState after, List<ReferralEvent> events) {
        Uni<Void> queued = Uni.createFrom().voidItem();
        for (ReferralEvent event : events) {
            if (event instanceof ReferralEvent.Requested r) {
                queued =
                        queued.call(
                                () ->
                                        announcements.requested(
                                                r.referralId(), after.partnerId(), r.at()));
            } else if (event instanceof ReferralEvent.Cancelled c
                    && before.status() != ReferralStatus.DRAFT) {
                queued =
                        queued.call(
                                () ->
                                        announcements.cancelled(
                                                c.referralId(), after.partnerId(), c.at()));
            }
        }
        return queued;
    }

    private List<IntegrationEvent> toContracts(
            History<ReferralEvent> history, ReferralState state, ReferralEvent event) {
        String partnerId = state.partnerId();
        return switch (event) {
            case ReferralEvent.Requested r -> {
                ReferralEvent.Drafted draft = drafted(history);
                yield List.of(
                        new ReferralRequested(
                                r.clientId(),
                                r.referralId(),
                                partnerId,
                                draft.serviceType().name(),
                                draft.urgency().name(),
                                draft.reason(),
                                draft.diagnoses(),
                                r.acceptanceDueAt(),
                                r.seenDueAt(),
                                r.at(),
                                r.by()),
                        new RecordDisclosed(
                                r.clientId(),
                                UUID.nameUUIDFromBytes(
                                        ("careloop-referral-disclosure:" + r.referralId())
                                                .getBytes(StandardCharsets.UTF_8)),
                                Partners.recipient(partnerId),
                                Purpose.TREATMENT.name(),
                                r.part2(),
                                r.consentId(),
                                disclosed(draft),
                                r.part2() ? Part2.REDISCLOSURE_NOTICE : null,
                                r.at(),
                                r.by(),
                                serviceName));
            }
            case ReferralEvent.Accepted a ->
                    List.of(
                            new ReferralAccepted(
                                    a.clientId(), a.referralId(), partnerId, a.at(), a.by()));
            case ReferralEvent.Rejected r ->
                    List.of(
                            new ReferralRejected(
                                    r.clientId(),
                                    r.referralId(),
                                    partnerId,
                                    r.reason(),
                                    r.at(),
                                    r.by()));
            case ReferralEvent.AppointmentBooked b ->
                    List.of(
                            new ReferralAppointmentBooked(
                                    b.clientId(),
                                    b.referralId(),
                                    partnerId,
                                    b.appointmentAt(),
                                    b.at(),
                                    b.by()));
            case ReferralEvent.Completed c ->
                    List.of(
                            new ReferralCompleted(
                                    c.clientId(),
                                    c.referralId(),
                                    partnerId,
                                    c.summary(),
                                    c.recommendations(),
                                    c.at(),
                                    c.by()));
            case ReferralEvent.Failed f ->
                    List.of(
                            new ReferralFailed(
                                    f.clientId(),
                                    f.referralId(),
                                    partnerId,
                                    f.reason(),
                                    f.at(),
                                    f.by()));
            case ReferralEvent.Closed c ->
                    List.of(
                            new ReferralClosed(
                                    c.clientId(), c.referralId(), partnerId, c.at(), c.by()));
            case ReferralEvent.Cancelled c ->
                    List.of(
                            new ReferralCancelled(
                                    c.clientId(),
                                    c.referralId(),
                                    partnerId,
                                    c.reason(),
                                    c.at(),
                                    c.by()));
            case ReferralEvent.Overdue o ->
                    List.of(
                            new ReferralOverdue(
                                    o.clientId(),
                                    o.referralId(),
                                    partnerId,
                                    state.urgency().name(),
                                    o.clock().name(),
                                    o.dueAt(),
                                    o.at()));
            default -> List.of();
        };
    }

    /** The draft as it stands: as drafted, with its amendments. */
    private static ReferralEvent.Drafted drafted(History<ReferralEvent> history) {
        ReferralEvent.Drafted draft = (ReferralEvent.Drafted) history.events().getFirst();
        for (ReferralEvent event : history.events()) {
            if (event instanceof ReferralEvent.DraftAmended a) {
                draft =
                        new ReferralEvent.Drafted(
                                draft.referralId(),
                                draft.clientId(),
                                a.partnerId(),
                                draft.serviceType(),
                                a.urgency(),
                                a.reason(),
                                a.diagnoses(),
                                a.notes(),
                                draft.at(),
                                draft.by() == null ? a.by() : draft.by(),
                                draft.origin());
            }
        }
        return draft;
    }

    /** What the partner received, as the client's accounting of disclosures shows it. */
    private static String disclosed(ReferralEvent.Drafted draft) {
        return "Referral "
                + draft.referralId()
                + " for "
                + draft.serviceType()
                + " ("
                + draft.urgency()
                + "): reason for referral"
                + (draft.diagnoses().isEmpty()
                        ? ""
                        : ", diagnoses " + String.join(", ", draft.diagnoses()))
                + (draft.notes() == null ? "" : ", clinical notes");
    }
}
