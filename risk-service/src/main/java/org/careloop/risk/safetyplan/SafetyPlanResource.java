package org.careloop.risk.safetyplan;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.contracts.codec.EventJson;
import org.careloop.contracts.risk.SafetyPlanUpdated;
import org.careloop.platform.command.Commands;
import org.careloop.platform.command.Decision;
import org.careloop.platform.directory.ClientDirectory;
import org.careloop.platform.eventstore.StreamId;
import org.careloop.platform.identity.Staff;
import org.careloop.platform.problem.Ids;
import org.careloop.platform.problem.Problem;
import org.careloop.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A client's Stanley-Brown safety plan: every change is a new version, and all versions are kept.
 */
@Path("/clients/{clientId}/safety-plan")
@Tag(name = "Safety plans")
public class SafetyPlanResource {

    private final Commands commands;
    private final SafetyPlanVersions versions;
    private final ClientDirectory clients;
    private final Staff staff;
    private final Clock clock;

    SafetyPlanResource(
            Commands commands,
            SafetyPlanVersions versions,
            ClientDirectory clients,
            Staff staff,
            Clock clock) {
        this.commands = commands;
        this.versions = versions;
        this.clients = clients;
        this.staff = staff;
        this.clock = clock;
    }

    @PUT
    @RolesAllowed("clinician")
    @Operation(summary = "Write a new version of the client's safety plan (all six sections)")
    public Uni<PlanView> revise(
            @PathParam("clientId") String clientId,
            @NotNull(message = "a JSON body is required") @Valid SafetyPlanSections sections) {
        UUID id = Ids.uuid("clientId", clientId);
        Instant now = clock.instant();
        String who = staff.username();
        return Panache.withTransaction(
                        () ->
                                known(id)
                                        .flatMap(
                                                client ->
                                                        commands.handle(
                                                                StreamId.of(
                                                                        SafetyPlanVersions.STREAM,
                                                                        id),
                                                                SafetyPlanRevised.class,
                                                                history -> {
                                                                    SafetyPlanRevised revised =
                                                                            new SafetyPlanRevised(
                                                                                    id,
                                                                                    history
                                                                                                    .version()
                                                                                            + 1,
                                                                                    sections,
                                                                                    who,
                                                                                    now);
                                                                    return new Decision<>(
                                                                            List.of(revised),
                                                                            List.of(
                                                                                    new SafetyPlanUpdated(
                                                                                            id,
                                                                                            revised
                                                                                                    .version(),
                                                                                            who,
                                                                                            now)));
                                                                },
                                                                who))
                                        .flatMap(recorded -> versions.current(id)))
                .map(PlanView::of);
    }

    @GET
    @RolesAllowed({"clinician", "supervisor", "oncall"})
    @Operation(summary = "The client's current safety plan")
    public Uni<PlanView> current(@PathParam("clientId") String clientId) {
        UUID id = Ids.uuid("clientId", clientId);
        return Panache.withSession(() -> known(id).flatMap(client -> versions.current(id)))
                .map(
                        (SafetyPlanVersion row) -> {
                            if (row == null) {
                                throw new ProblemException(
                                        Problem.notFound(
                                                "safety-plan",
                                                "client " + id + " has no safety plan yet"));
                            }
                            return PlanView.of(row);
                        });
    }

    @GET
    @Path("/versions")
    @RolesAllowed({"clinician", "supervisor", "oncall"})
    @Operation(summary = "Every version of the client's safety plan, oldest first")
    public Uni<List<PlanView>> versions(@PathParam("clientId") String clientId) {
        UUID id = Ids.uuid("clientId", clientId);
        return Panache.withSession(() -> known(id).flatMap(client -> versions.all(id)))
                .map(rows -> rows.stream().map(PlanView::of).toList());
    }

    private Uni<Object> known(UUID clientId) {
        return clients.find(clientId)
                .map(
                        client -> {
                            if (client == null) {
                                throw new ProblemException(
                                        Problem.notFound(
                                                "client",
                                                "no client " + clientId + " is known here"));
                            }
                            return client;
                        });
    }

    /** One version of the plan. */
    public record PlanView(
            UUID clientId,
            int version,
            SafetyPlanSections sections,
            String revisedBy,
            Instant revisedAt) {

        static PlanView of(SafetyPlanVersion row) {
            return new PlanView(
                    row.clientId,
                    row.version,
                    EventJson.read(row.sections, SafetyPlanSections.class),
                    row.revisedBy,
                    row.revisedAt);
        }
    }
}
