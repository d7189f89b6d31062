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
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.platform.identity.Staff;
import org.careloop.platform.problem.Ids;
import org.careloop.platform.problem.Problem;
import org.careloop.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The on-call rota. */
@Path("/on-call")
@Tag(name = "On call")
public class OnCallResource {

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
    @Path("/now")
    @RolesAllowed({"oncall", "clinician", "supervisor", "admin"})
    @Operation(summary = "Who holds each tier right now")
    public Uni<List<ShiftView>> now() {
        return Panache.withSession(() -> schedule.currentShifts(clock.instant()))
                .map(shifts -> shifts.stream().map(ShiftView::of).toList());
    }

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
