package org.careloop.risk.risklevel;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.UUID;
import org.careloop.platform.directory.ClientDirectory;
import org.careloop.platform.identity.Staff;
import org.careloop.platform.problem.Ids;
import org.careloop.platform.problem.Problem;
import org.careloop.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Clinicians' own risk assessments of a client. */
@Path("/clients/{clientId}/assessments")
@Tag(name = "Risk")
public class RiskResource {

    private final RiskLevels riskLevels;
    private final ClientDirectory clients;
    private final Staff staff;

    RiskResource(RiskLevels riskLevels, ClientDirectory clients, Staff staff) {
        this.riskLevels = riskLevels;
        this.clients = clients;
        this.staff = staff;
    }

    @POST
    @RolesAllowed("clinician")
    @Operation(
            summary =
                    "Set the client's risk level with a rationale; NONE or LOW closes the risk episode")
    public Uni<Response> assess(
            @PathParam("clientId") String clientId,
            @NotNull(message = "a JSON body is required") @Valid AssessRisk assessment) {
        UUID id = Ids.uuid("clientId", clientId);
        return Panache.withTransaction(
                        () ->
                                clients.find(id)
                                        .flatMap(
                                                client -> {
                                                    if (client == null) {
                                                        throw new ProblemException(
                                                                Problem.notFound(
                                                                        "client",
                                                                        "no client "
                                                                                + id
                                                                                + " is known here"));
                                                    }
                                                    return riskLevels.assessed(
                                                            id,
                                                            assessment.riskLevel(),
                                                            assessment.rationale().strip(),
                                                            staff.username());
                                                }))
                .flatMap(assessed -> Panache.withSession(() -> riskLevels.status(id)))
                .map(
                        status ->
                                Response.status(Response.Status.CREATED)
                                        .entity(
                                                new RiskView(
                                                        id,
                                                        status.level,
                                                        status.episodeId,
                                                        status.levelSince,
                                                        status.reason))
                                        .build());
    }

    /** A client's risk as it stands. */
    public record RiskView(
            UUID clientId, String riskLevel, UUID episodeId, Instant levelSince, String reason) {}
}
