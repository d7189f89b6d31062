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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.careloop.platform.identity.Staff;
import org.careloop.platform.problem.Ids;
import org.careloop.platform.problem.Refused;
import org.careloop.treatment.careteam.CareTeamCommands;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Writing, revising, signing and reading treatment plans. */
@Path("/")
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
    @Path("/clients/{clientId}/plans")
    @RolesAllowed("clinician")
    @Operation(
            summary =
                    "Write a client's treatment plan (a DRAFT, by a clinician of the care team); one open plan per client")
    public Uni<Response> write(
            @PathParam("clientId") String clientId,
            @NotNull(message = "a JSON body is required") @Valid WritePlan command,
            @Context UriInfo uri) {
        UUID id = Ids.uuid("clientId", clientId);
        return Panache.withTransaction(() -> plans.write(id, command, caller.username()))
                .flatMap(
                        planId ->
                                view(planId)
                                        .map(
                                                view ->
                                                        Response.created(
                                                                        uri.getBaseUriBuilder()
                                                                                .path("plans")
                                                                                .path(
                                                                                        planId
                                                                                                .toString())
                                                                                .build())
                                                                .entity(view)
                                                                .build()));
    }

    @POST
    @Path("/plans/{planId}/revisions")
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
    @Path("/plans/{planId}/signatures")
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
    @Path("/plans/{planId}")
    @RolesAllowed({"clinician", "supervisor"})
    @Operation(summary = "A plan, where it stands and every version written")
    public Uni<PlanView> get(@PathParam("planId") String planId) {
        return view(Ids.uuid("planId", planId));
    }

    @GET
    @Path("/clients/{clientId}/plans")
    @RolesAllowed({"clinician", "supervisor"})
    @Operation(summary = "A client's plans, the open one first")
    public Uni<List<PlanView>> ofClient(@PathParam("clientId") String clientId) {
        UUID id = Ids.uuid("clientId", clientId);
        return Panache.withSession(
                () ->
                        careTeam.requireClient(id)
                                .flatMap(client -> projection.ofClient(id))
                                .flatMap(
                                        found -> {
                                            List<PlanView> views = new ArrayList<>();
                                            Uni<Void> chain = Uni.createFrom().voidItem();
                                            for (PlanRecord plan : found) {
                                                chain =
                                                        chain.call(
                                                                () ->
                                                                        versions.of(plan.planId)
                                                                                .invoke(
                                                                                        v ->
                                                                                                views
                                                                                                        .add(
                                                                                                                PlanView
                                                                                                                        .of(
                                                                                                                                plan,
                                                                                                                                v))));
                                            }
                                            return chain.replaceWith(views);
                                        })
                                .map(
                                        views ->
                                                views.stream()
                                                        .sorted(
                                                                (a, b) ->
                                                                        Boolean.compare(
                                                                                "CLOSED"
                                                                                        .equals(
                                                                                                a
                                                                                                        .status()),
                                                                                "CLOSED"
                                                                                        .equals(
                                                                                                b
                                                                                                        .status())))
                                                        .toList()));
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
