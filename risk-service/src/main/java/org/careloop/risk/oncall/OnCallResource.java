package org.careloop.risk.oncall;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.careloop.platform.identity.Staff;
import org.careloop.platform.problem.Ids;
import org.careloop.platform.problem.InvalidCommand;
import org.careloop.platform.problem.Problem;
import org.careloop.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The on-call rota. */
@Path("/on-call")
@Tag(name = "On call")
public class OnCallResource {

    static final Duration DEFAULT_RANGE = Duration.ofDays(7);
    static final Duration LONGEST_RANGE = Duration.ofDays(31);
    private static final Duration FARTHEST_QUERY = Duration.ofDays(3653);

    private final OnCallSchedule schedule;
    private final Staff staff;
    private final Clock clock;

    OnCallResource(OnCallSchedule schedule, Staff staff, Clock clock) {
        this.schedule = schedule;
        this.staff = staff;
        this.clock = clock;
    }

    @POST
    @Path("/shifts")
    @RolesAllowed({"supervisor", "admin"})
    @Operation(
            summary =
                    "Put a clinician on call for a tier; overlapping shifts of one tier are refused (409)")
    public Uni<Response> schedule(
            @NotNull(message = "a JSON body is required") @Valid ScheduleShift command) {
        return Panache.withTransaction(
                        () -> schedule.schedule(command, staff.username(), clock.instant()))
                .map(
                        shift ->
                                Response.status(Response.Status.CREATED)
                                        .entity(ShiftView.of(shift))
                                        .build());
    }

    @DELETE
    @Path("/shifts/{shiftId}")
    @RolesAllowed({"supervisor", "admin"})
    @Operation(summary = "Take a shift off the rota (204); 404 when no such shift stands")
    public Uni<Response> cancel(@PathParam("shiftId") String shiftId) {
        UUID id = Ids.uuid("shiftId", shiftId);
        return Panache.withTransaction(() -> schedule.cancel(id, staff.username(), clock.instant()))
                .map(
                        cancelled -> {
                            if (!cancelled) {
                                throw new ProblemException(
                                        Problem.notFound("shift", "no shift " + id + " stands"));
                            }
                            return Response.noContent().build();
                        });
    }

    @GET
    @Path("/shifts")
    @RolesAllowed({"oncall", "clinician", "supervisor", "admin"})
    @Operation(
            summary =
                    "The shifts in a time range (default the next 7 days, at most 31) and the gaps in"
                            + " which a tier has nobody on call")
    public Uni<RotaView> shifts(@QueryParam("from") String from, @QueryParam("to") String to) {
        Instant now = clock.instant();
        Instant start = from == null ? now : instant("from", from, now);
        Instant end = to == null ? start.plus(DEFAULT_RANGE) : instant("to", to, now);
        if (!end.isAfter(start)) {
            throw new InvalidCommand("to", "must be after from");
        }
        if (Duration.between(start, end).compareTo(LONGEST_RANGE) > 0) {
            throw new InvalidCommand(
                    "to", "must be at most " + LONGEST_RANGE.toDays() + " days after from");
        }
        return Panache.withSession(() -> schedule.shiftsBetween(start, end))
                .map(
                        shifts ->
                                new RotaView(
                                        start,
                                        end,
                                        shifts.stream().map(ShiftView::of).toList(),
                                        RotaDecider.gaps(
                                                shifts.stream().map(Shift::of).toList(),
                                                start,
                                                end)));
    }

    @POST
    @Path("/shifts/{shiftId}/end")
    @RolesAllowed({"supervisor", "admin"})
    @Operation(
            summary =
                    "End a shift under way early, at endsAt (default now): 409 when it is already"
                            + " over")
    public Uni<ShiftView> end(
            @PathParam("shiftId") String shiftId,
            @NotNull(message = "a JSON body is required") @Valid EndShift command) {
        UUID id = Ids.uuid("shiftId", shiftId);
        return Panache.withTransaction(
                        () -> schedule.end(id, command.endsAt(), staff.username(), clock.instant()))
                .map(ShiftView::of);
    }

    @POST
    @Path("/shifts/{shiftId}/replacement")
    @RolesAllowed({"supervisor", "admin"})
    @Operation(
            summary =
                    "Give a shift to another clinician, who must hold no other tier during it (409)")
    public Uni<ShiftView> replace(
            @PathParam("shiftId") String shiftId,
            @NotNull(message = "a JSON body is required") @Valid ReplaceClinician command) {
        UUID id = Ids.uuid("shiftId", shiftId);
        return Panache.withTransaction(
                        () ->
                                schedule.replace(
                                        id, command.clinician(), staff.username(), clock.instant()))
                .map(ShiftView::of);
    }

    @POST
    @Path("/swaps")
    @RolesAllowed({"supervisor", "admin"})
    @Operation(
            summary =
                    "Two shifts exchange their clinicians; each must be free for the other's shift"
                            + " (409)")
    public Uni<List<ShiftView>> swap(
            @NotNull(message = "a JSON body is required") @Valid SwapShifts command) {
        UUID first = Ids.uuid("shiftId", command.shiftId());
        UUID second = Ids.uuid("otherShiftId", command.otherShiftId());
        return Panache.withTransaction(
                        () -> schedule.swap(first, second, staff.username(), clock.instant()))
                .map(shifts -> shifts.stream().map(ShiftView::of).toList());
    }

    /** A time of a range query, within ten years of now. */
    private static Instant instant(String parameter, String value, Instant now) {
        Instant instant;
        try {
            instant = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidCommand(parameter, "must be an instant such as 2026-12-01T08:00:00Z");
        }
        if (Duration.between(now, instant).abs().compareTo(FARTHEST_QUERY) > 0) {
            throw new InvalidCommand(parameter, "must be within ten years of now");
        }
        return instant;
    }

    @GET
    @Path("/now")
    @RolesAllowed({"oncall", "clinician", "supervisor", "admin"})
    @Operation(summary = "Who holds each tier right now")
    public Uni<List<ShiftView>> now() {
        return Panache.withSession(() -> schedule.currentShifts(clock.instant()))
                .map(shifts -> shifts.stream().map(ShiftView::of).toList());
    }

    /** The shifts in a range, and the periods in which a tier has nobody on call. */
    public record RotaView(Instant from, Instant to, List<ShiftView> shifts, List<Gap> gaps) {}

    /** A shift as the API shows it. */
    public record ShiftView(
            UUID shiftId,
            String clinician,
            Tier tier,
            Instant startsAt,
            Instant endsAt,
            String scheduledBy) {

        static ShiftView of(OnCallShift shift) {
            return new ShiftView(
                    shift.shiftId,
                    shift.clinician,
                    shift.tier,
                    shift.startsAt,
                    shift.endsAt,
                    shift.scheduledBy);
        }
    }
}
