package org.careloop.risk.oncall;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careloop.platform.command.Commands;
import org.careloop.platform.command.Decision;
import org.careloop.platform.command.History;
import org.careloop.platform.eventstore.StreamId;
import org.careloop.platform.problem.Problem;
import org.careloop.platform.problem.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Who is on call for which tier, and when. */
@ApplicationScoped
public class OnCallSchedule {

    /**
     * Serialises schedule changes, so two overlapping shifts cannot both pass the overlap check.
     */
    private static final long SCHEDULE_LOCK = 0x6f6e63616c6cL;

    private final Commands commands;
    private final ShiftLimits limits;

    OnCallSchedule(
            Commands commands,
            @ConfigProperty(name = "careloop.on-call.longest-shift") Duration longestShift,
            @ConfigProperty(name = "careloop.on-call.furthest-ahead") Duration furthestAhead) {
        this.commands = commands;
        this.limits = new ShiftLimits(longestShift, furthestAhead);
    }

    public Uni<OnCallShift> schedule(ScheduleShift command, String supervisor, Instant now) {
        limits.check(command.startsAt(), command.endsAt(), now);
        Tier tier = Tier.valueOf(command.tier());
        return Panache.getSession()
                .flatMap(
                        session ->
                                session.createNativeQuery(
                                                "select pg_advisory_xact_lock("
                                                        + SCHEDULE_LOCK
                                                        + ")")
                                        .getSingleResult())
                .flatMap(
                        locked ->
                                OnCallShift.<OnCallShift>find(
                                                "tier = ?1 and startsAt < ?2 and endsAt > ?3",
                                                tier,
                                                command.endsAt(),
                                                command.startsAt())
                                        .<OnCallShift>firstResult())
                .flatMap(
                        (OnCallShift overlapping) -> {
                            if (overlapping != null) {
                                throw new ProblemException(
                                        new Problem(
                                                "urn:careloop:problem:shift-overlap",
                                                "Conflict",
                                                409,
                                                command.tier()
                                                        + " is already held by "
                                                        + overlapping.clinician
                                                        + " from "
                                                        + overlapping.startsAt
                                                        + " to "
                                                        + overlapping.endsAt,
                                                null,
                                                null,
                                                List.of(
                                                        new Problem.FieldError(
                                                                "startsAt",
                                                                "overlaps another shift"))));
                            }
                            UUID shiftId = UUID.randomUUID();
                            ShiftEvent scheduled =
                                    new ShiftEvent.ShiftScheduled(
                                            shiftId,
                                            command.clinician(),
                                            tier,
                                            command.startsAt(),
                                            command.endsAt(),
                                            supervisor,
                                            now);
                            return commands.record(
                                            History.of(stream(shiftId)),
                                            new Decision<ShiftEvent>(List.of(scheduled), List.of()),
                                            supervisor)
                                    .flatMap(
                                            recorded -> OnCallShift.<OnCallShift>findById(shiftId));
                        });
    }

    /**
     * Takes a shift off the rota; false when there is no such shift standing. Runs in the caller's
     * transaction.
     */
    public Uni<Boolean> cancel(UUID shiftId, String supervisor, Instant now) {
        return commands.load(stream(shiftId), ShiftEvent.class)
                .flatMap(
                        history -> {
                            boolean standing =
                                    !history.isNew()
                                            && !(history.events().get(history.version() - 1)
                                                    instanceof ShiftEvent.ShiftCancelled);
                            if (!standing) {
                                return Uni.createFrom().item(false);
                            }
                            return commands.record(
                                            history,
                                            new Decision<ShiftEvent>(
                                                    List.of(
                                                            new ShiftEvent.ShiftCancelled(
                                                                    shiftId, supervisor, now)),
                                                    List.of()),
                                            supervisor)
                                    .replaceWith(true);
                        });
    }

    private static StreamId stream(UUID shiftId) {
        return StreamId.of(ShiftEvent.STREAM, shiftId);
    }

    /** The holder of each staffed tier at the given moment. */
    public Uni<Map<Tier, String>> holdersAt(Instant at) {
        return OnCallShift.<OnCallShift>list("startsAt <= ?1 and endsAt > ?1 order by startsAt", at)
                .map(
                        shifts -> {
                            Map<Tier, String> holders = new EnumMap<>(Tier.class);
                            shifts.forEach(shift -> holders.put(shift.tier, shift.clinician));
                            return holders;
                        });
    }

    public Uni<List<OnCallShift>> currentShifts(Instant at) {
        return OnCallShift.list("startsAt <= ?1 and endsAt > ?1 order by tier", at);
    }
}
