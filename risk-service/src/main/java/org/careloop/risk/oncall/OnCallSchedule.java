package org.careloop.risk.oncall;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.careloop.platform.command.Commands;
import org.careloop.platform.command.Decision;
import org.careloop.platform.command.History;
import org.careloop.platform.eventstore.StreamId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Who is on call for which tier, and when; every change decided by {@link RotaDecider}. */
@ApplicationScoped
public class OnCallSchedule {

    /**
     * Serialises rota changes, so two changes that would clash cannot both pass the rules, each
     * having checked the rota without the other.
     */
    private static final long SCHEDULE_LOCK = 0x6f6e63616c6cL;

    static final Comparator<OnCallShift> BY_START_THEN_TIER =
            Comparator.comparing((OnCallShift s) -> s.startsAt)
                    .thenComparing(s -> s.tier)
                    .thenComparing(s -> s.shiftId);

    private final Commands commands;
    private final ShiftLimits limits;

    OnCallSchedule(
            Commands commands,
            @ConfigProperty(name = "careloop.on-call.longest-shift") Duration longestShift,
            @ConfigProperty(name = "careloop.on-call.furthest-ahead") Duration furthestAhead) {
        this.commands = commands;
        this.limits = new ShiftLimits(longestShift, furthestAhead);
    }

    /** Puts a shift on the rota. Runs in the caller's transaction. */
    public Uni<OnCallShift> schedule(ScheduleShift command, String supervisor, Instant now) {
        limits.check(command.startsAt(), command.endsAt(), now);
        Shift candidate =
                new Shift(
                        UUID.randomUUID(),
                        command.clinician(),
                        Tier.valueOf(command.tier()),
                        command.startsAt(),
                        command.endsAt());
        return lock().flatMap(locked -> standingBetween(candidate.startsAt(), candidate.endsAt()))
                .flatMap(
                        standing -> {
                            ShiftEvent scheduled =
                                    RotaDecider.schedule(candidate, standing, supervisor, now);
                            return record(
                                    History.of(stream(candidate.shiftId())),
                                    List.of(scheduled),
                                    supervisor);
                        })
                .flatMap(recorded -> row(candidate.shiftId()));
    }

    /**
     * Takes a shift off the rota; false when there is no such shift standing. Runs in the caller's
     * transaction.
     */
    public Uni<Boolean> cancel(UUID shiftId, String supervisor, Instant now) {
        return load(shiftId)
                .flatMap(
                        history -> {
                            if (ShiftState.of(history.events()) == null) {
                                return Uni.createFrom().item(false);
                            }
                            return record(
                                            history,
                                            List.of(
                                                    new ShiftEvent.ShiftCancelled(
                                                            shiftId, supervisor, now)),
                                            supervisor)
                                    .replaceWith(true);
                        });
    }

    /** Ends a shift under way early; {@code endsAt} null is now. */
    public Uni<OnCallShift> end(UUID shiftId, Instant endsAt, String supervisor, Instant now) {
        return lock().flatMap(locked -> load(shiftId))
                .flatMap(
                        history ->
                                record(
                                        history,
                                        List.of(
                                                RotaDecider.end(
                                                        shiftId,
                                                        ShiftState.of(history.events()),
                                                        endsAt,
                                                        supervisor,
                                                        now)),
                                        supervisor))
                .flatMap(recorded -> row(shiftId));
    }

    /** Gives a shift to another clinician. */
    public Uni<OnCallShift> replace(
            UUID shiftId, String clinician, String supervisor, Instant now) {
        return lock().flatMap(locked -> load(shiftId))
                .flatMap(
                        history -> {
                            Shift shift = ShiftState.of(history.events());
                            Uni<List<Shift>> standing =
                                    shift == null
                                            ? Uni.createFrom().item(List.of())
                                            : standingBetween(shift.startsAt(), shift.endsAt());
                            return standing.flatMap(
                                    around ->
                                            record(
                                                    history,
                                                    List.of(
                                                            RotaDecider.replace(
                                                                    shiftId,
                                                                    shift,
                                                                    clinician,
                                                                    around,
                                                                    supervisor,
                                                                    now)),
                                                    supervisor));
                        })
                .flatMap(recorded -> row(shiftId));
    }

    /** Two shifts exchange their clinicians; both streams record it. */
    public Uni<List<OnCallShift>> swap(
            UUID shiftId, UUID otherShiftId, String supervisor, Instant now) {
        return lock().flatMap(locked -> load(shiftId))
                .flatMap(
                        history ->
                                load(otherShiftId)
                                        .flatMap(
                                                otherHistory ->
                                                        swap(
                                                                shiftId,
                                                                history,
                                                                otherShiftId,
                                                                otherHistory,
                                                                supervisor,
                                                                now)))
                .flatMap(
                        recorded ->
                                row(shiftId)
                                        .flatMap(
                                                shift ->
                                                        row(otherShiftId)
                                                                .map(
                                                                        other ->
                                                                                List.of(
                                                                                        shift,
                                                                                        other))));
    }

    private Uni<Void> swap(
            UUID shiftId,
            History<ShiftEvent> history,
            UUID otherShiftId,
            History<ShiftEvent> otherHistory,
            String supervisor,
            Instant now) {
        Shift shift = ShiftState.of(history.events());
        Shift other = ShiftState.of(otherHistory.events());
        Uni<List<Shift>> standing =
                shift == null || other == null
                        ? Uni.createFrom().item(List.of())
                        : standingBetween(shift.startsAt(), shift.endsAt())
                                .flatMap(
                                        first ->
                                                standingBetween(other.startsAt(), other.endsAt())
                                                        .map(
                                                                second ->
                                                                        Stream.concat(
                                                                                        first
                                                                                                .stream(),
                                                                                        second
                                                                                                .stream())
                                                                                .distinct()
                                                                                .toList()));
        return standing.flatMap(
                around -> {
                    List<ShiftEvent.ShiftsSwapped> swapped =
                            RotaDecider.swap(
                                    shiftId, shift, otherShiftId, other, around, supervisor, now);
                    return record(history, List.of(swapped.get(0)), supervisor)
                            .flatMap(
                                    first ->
                                            record(
                                                    otherHistory,
                                                    List.of(swapped.get(1)),
                                                    supervisor))
                            .replaceWithVoid();
                });
    }

    /** The shifts that overlap [from, to), by start then tier. */
    public Uni<List<OnCallShift>> shiftsBetween(Instant from, Instant to) {
        return OnCallShift.<OnCallShift>list("startsAt < ?1 and endsAt > ?2", to, from)
                .map(shifts -> shifts.stream().sorted(BY_START_THEN_TIER).toList());
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

    private Uni<List<Shift>> standingBetween(Instant from, Instant to) {
        return shiftsBetween(from, to).map(rows -> rows.stream().map(Shift::of).toList());
    }

    private Uni<Object> lock() {
        return Panache.getSession()
                .flatMap(
                        session ->
                                session.createNativeQuery(
                                                "select pg_advisory_xact_lock("
                                                        + SCHEDULE_LOCK
                                                        + ")")
                                        .getSingleResult());
    }

    private Uni<History<ShiftEvent>> load(UUID shiftId) {
        return commands.load(stream(shiftId), ShiftEvent.class);
    }

    private Uni<Commands.Recorded<ShiftEvent>> record(
            History<ShiftEvent> history, List<? extends ShiftEvent> events, String actor) {
        return commands.record(
                history, new Decision<ShiftEvent>(List.copyOf(events), List.of()), actor);
    }

    private static Uni<OnCallShift> row(UUID shiftId) {
        return OnCallShift.findById(shiftId);
    }

    private static StreamId stream(UUID shiftId) {
        return StreamId.of(ShiftEvent.STREAM, shiftId);
    }
}
