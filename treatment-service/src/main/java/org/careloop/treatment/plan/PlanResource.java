package org.careloop.treatment.plan;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.careloop.platform.identity.Staff;
import org.careloop.platform.problem.Ids;
import org.careloop.platform.problem.Refused;
import org.careloop.treatment.careteam.CareTeamCommands;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Revising, signing and reading one treatment plan. */
@Path("/plans/{planId}")
@Tag(name = "Treatment plans")
public class PlanResource {

    private final Plans plans;
    private final TreatmentPlans projection;
    private final PlanVersions versions;
    private final CareTeamCommands careTeam;
    private final Staff caller;

    PlanResource(
            Plans plans,
            TreatmentPlans projection,
            PlanVersions versions,
            CareTeamCommands careTeam,
            Staff caller) {
        this.plans = plans;
        this.projection = projection;
        this.versions = versions;
        this.careTeam = careTeam;
        this.caller = caller;
    }

    @POST
    @Path("/revisions")
    @RolesAllowed("clinician")
    @Operation(
            summary =
                    "Write the plan's next version, to be signed again; the active version stays in force until then")
    public Uni<Response> revise(
            @PathParam("planId") String planId,
            @NotNull(message = "a JSON body is required") @Valid WritePlan command) {
        UUID id = Ids.uuid("planId", planId);
        return Panache.withTransaction(() -> plans.revise(id, command, caller.username()))
                .flatMap(done -> view(id))
                .map(view -> Response.status(Response.Status.CREATED).entity(view).build());
    }

    @POST
    @Path("/signatures")
    @RolesAllowed({"clinician", "supervisor"})
    @Operation(
            summary =
                    "Sign the version being signed: AUTHOR, then CLIENT (recorded by a clinician of the care team), "
                            + "then SUPERVISOR when the author is not licensed; the last one makes it ACTIVE and "
                            + "publishes TreatmentPlanApproved. A wrong signer is a 403, a signature out of order a 409")
    public Uni<PlanView> sign(
            @PathParam("planId") String planId,
            @NotNull(message = "a JSON body is required") @Valid SignPlan command) {
        UUID id = Ids.uuid("planId", planId);
        return Panache.withTransaction(() -> plans.sign(id, command, caller.username()))
                .flatMap(done -> view(id));
    }

    @GET
    @RolesAllowed({"clinician", "supervisor"})
    @Operation(summary = "A plan, where it stands and every version written")
    public Uni<PlanView> get(@PathParam("planId") String planId) {
        return view(Ids.uuid("planId", planId));
    }

    private Uni<PlanView> view(UUID planId) {
        return Panache.withSession(
                () ->
                        projection
                                .find(planId)
                                .flatMap(
                                        plan -> {
                                            if (plan == null) {
                                                throw Refused.notFound("plan", "no plan " + planId);
                                            }
                                            return versions.of(planId)
                                                    .map(v -> PlanView.of(plan, v));
                                        }));
    }
}
