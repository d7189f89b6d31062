package org.careloop.treatment.session;

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
import java.util.List;
import java.util.UUID;
import org.careloop.platform.identity.Staff;
import org.careloop.platform.problem.Ids;
import org.careloop.treatment.careteam.CareTeamCommands;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A client's sessions: documenting one, listing them all. */
@Path("/clients/{clientId}/sessions")
@Tag(name = "Sessions")
public class ClientSessionResource {

    private final Sessions sessions;
    private final SessionRecords records;
    private final CareTeamCommands careTeam;
    private final Staff caller;

    ClientSessionResource(
            Sessions sessions, SessionRecords records, CareTeamCommands careTeam, Staff caller) {
        this.sessions = sessions;
        this.records = records;
        this.careTeam = careTeam;
        this.caller = caller;
    }

    @POST
    @RolesAllowed("clinician")
    @Operation(
            summary =
                    "Document a session held with the client: a DRAFT note until its author signs")
    public Uni<Response> document(
            @PathParam("clientId") String clientId,
            @NotNull(message = "a JSON body is required") @Valid DocumentSession command,
            @Context UriInfo uri) {
        UUID id = Ids.uuid("clientId", clientId);
        return Panache.withTransaction(
                        () -> sessions.document(id, command, caller.username(), null))
                .flatMap(
                        sessionId ->
                                view(sessionId)
                                        .map(
                                                view ->
                                                        Response.created(
                                                                        uri.getBaseUriBuilder()
                                                                                .path("sessions")
                                                                                .path(
                                                                                        sessionId
                                                                                                .toString())
                                                                                .build())
                                                                .entity(view)
                                                                .build()));
    }

    @GET
    @RolesAllowed({"clinician", "supervisor"})
    @Operation(summary = "A client's sessions, newest first")
    public Uni<List<SessionView>> ofClient(@PathParam("clientId") String clientId) {
        UUID id = Ids.uuid("clientId", clientId);
        return Panache.withSession(
                        () -> careTeam.requireClient(id).flatMap(client -> records.ofClient(id)))
                .map(found -> found.stream().map(SessionView::of).toList());
    }

    private Uni<SessionView> view(UUID sessionId) {
        return Panache.withSession(() -> records.find(sessionId)).map(SessionView::of);
    }
}
