package org.careloop.risk.safetyplan;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import org.careloop.contracts.codec.EventJson;
import org.careloop.contracts.risk.SafetyPlanUpdated;
import org.careloop.platform.directory.ClientDirectory;
import org.careloop.platform.eventstore.EventStore;
import org.careloop.platform.identity.Staff;
import org.careloop.platform.problem.Ids;
import org.careloop.platform.problem.Problem;
import org.careloop.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A client's Stanley-Brown safety plan: every change is a new version, and all versions are kept. */
@Path("/clients/{clientId}/safety-plan")
@Tag(name = "Safety plans")
public class SafetyPlanResource {

    static final String STREAM = "safety-plan";

    private final EventStore eventStore;
    private final ClientDirectory clients;
    private final Staff staff;
    private final Clock clock;

    SafetyPlanResource(EventStore eventStore, ClientDirectory clients, Staff staff, Clock clock) {
        this.eventStore = eventStore;
        this.clients = clients;
        this.staff = staff;
        this.clock = clock;
    }

    @PUT
    @RolesAllowed("clinician")
    @Operation(summary = "Write a new version of the client's safety plan (all six sections)")
    public Uni<PlanView> revise(@PathParam("clientId") String clientId,
            @NotNull(message = "a JSON body is required") @Valid SafetyPlanSections sections) {
        UUID id = Ids.uuid("clientId", clientId);
        Instant now = clock.instant();
        UUID stream = streamOf(id);
        return Panache.withTransaction(() -> known(id).flatMap(client -> eventStore.version(stream))
                .flatMap(version -> {
                    SafetyPlanRevised revised = new SafetyPlanRevised(id, version + 1, sections, staff.username(), now);
                    SafetyPlanVersion row = new SafetyPlanVersion();
                    row.clientId = id;
                    row.version = revised.version();
                    row.sections = EventJson.encode(sections);
                    row.revisedBy = revised.revisedBy();
                    row.revisedAt = now;
                    return eventStore.append(STREAM, stream, version, List.of(revised),
                            List.of(new SafetyPlanUpdated(id, revised.version(), revised.revisedBy(), now)),
                            staff.username())
                            .call(() -> row.persist())
                            .replaceWith(PlanView.of(row));
                }));
    }

    @GET
    @RolesAllowed({ "clinician", "supervisor", "oncall" })
    @Operation(summary = "The client's current safety plan")
    public Uni<PlanView> current(@PathParam("clientId") String clientId) {
        UUID id = Ids.uuid("clientId", clientId);
        return Panache.withSession(() -> known(id).flatMap(client -> SafetyPlanVersion
                .<SafetyPlanVersion>find("clientId = ?1 order by version desc", id).<SafetyPlanVersion>firstResult()))
                .map((SafetyPlanVersion row) -> {
                    if (row == null) {
                        throw new ProblemException(Problem.notFound("safety-plan", "client " + id
                                + " has no safety plan yet"));
                    }
                    return PlanView.of(row);
                });
    }

    @GET
    @Path("/versions")
    @RolesAllowed({ "clinician", "supervisor", "oncall" })
    @Operation(summary = "Every version of the client's safety plan, oldest first")
    public Uni<List<PlanView>> versions(@PathParam("clientId") String clientId) {
        UUID id = Ids.uuid("clientId", clientId);
        return Panache.withSession(() -> known(id).flatMap(client -> SafetyPlanVersion
                .<SafetyPlanVersion>list("clientId = ?1 order by version", id)))
                .map(rows -> rows.stream().map(PlanView::of).toList());
    }

    /** A client's safety-plan stream has an id of its own, apart from the client's risk stream. */
    static UUID streamOf(UUID clientId) {
        return UUID.nameUUIDFromBytes((STREAM + ":" + clientId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private Uni<Object> known(UUID clientId) {
        return clients.find(clientId).map(client -> {
            if (client == null) {
                throw new ProblemException(Problem.notFound("client", "no client " + clientId + " is known here"));
            }
            return client;
        });
    }

    /** One version of the plan. */
    public record PlanView(UUID clientId, int version, SafetyPlanSections sections, String revisedBy,
            Instant revisedAt) {

        static PlanView of(SafetyPlanVersion row) {
            return new PlanView(row.clientId, row.version, EventJson.read(row.sections, SafetyPlanSections.class),
                    row.revisedBy, row.revisedAt);
        }
    }
}
