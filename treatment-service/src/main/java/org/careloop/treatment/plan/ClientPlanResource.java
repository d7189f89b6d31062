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
import org.careloop.treatment.careteam.CareTeamCommands;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A client's treatment plans: writing the first, listing them all. */
@Path("/clients/{clientId}/plans")
@Tag(name = "Treatment plans")
public class ClientPlanResource {

    private final Plans plans;
    private final TreatmentPlans projection;
    private final PlanVersions versions;
    private final CareTeamCommands careTeam;
    private final Staff caller;

    ClientPlanResource(
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

    @GET
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
                                        plan ->
                                                versions.of(planId)
                                                        .map(v -> PlanView.of(plan, v))));
    }
}
