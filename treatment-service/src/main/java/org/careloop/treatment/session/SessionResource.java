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
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.careloop.platform.identity.Staff;
import org.careloop.platform.problem.Ids;
import org.careloop.platform.problem.Refused;
import org.careloop.treatment.careteam.CareTeamCommands;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One session: its signature, co-signature, addenda, voiding. */
@Path("/sessions/{sessionId}")
@Tag(name = "Sessions")
public class SessionResource {

    private final Sessions sessions;
    private final SessionRecords records;
    private final CareTeamCommands careTeam;
    private final Staff caller;

    SessionResource(
            Sessions sessions, SessionRecords records, CareTeamCommands careTeam, Staff caller) {
        this.sessions = sessions;
        this.records = records;
        this.careTeam = careTeam;
        this.caller = caller;
    }

    @POST
    @Path("/signature")
    @RolesAllowed("clinician")
    @Operation(
            summary =
                    "The author signs and locks the note: SIGNED (publishes SessionDocumented), or AWAITING_COSIGN "
                            + "when the author is not licensed")
    public Uni<SessionView> sign(@PathParam("sessionId") String sessionId) {
        UUID id = Ids.uuid("sessionId", sessionId);
        return Panache.withTransaction(() -> sessions.sign(id, caller.username()))
                .flatMap(done -> view(id));
    }

    @POST
    @Path("/cosignature")
    @RolesAllowed({"clinician", "supervisor"})
    @Operation(
            summary =
                    "The author's supervisor co-signs the note: COSIGNED, and SessionDocumented is published")
    public Uni<SessionView> cosign(@PathParam("sessionId") String sessionId) {
        UUID id = Ids.uuid("sessionId", sessionId);
        return Panache.withTransaction(() -> sessions.cosign(id, caller.username()))
                .flatMap(done -> view(id));
    }

    @POST
    @Path("/addenda")
    @RolesAllowed({"clinician", "supervisor"})
    @Operation(summary = "Add an addendum to a signed note (the note itself never changes)")
    public Uni<Response> addendum(
            @PathParam("sessionId") String sessionId,
            @NotNull(message = "a JSON body is required") @Valid AddAddendum command) {
        UUID id = Ids.uuid("sessionId", sessionId);
        return Panache.withTransaction(
                        () -> sessions.addendum(id, command.text(), caller.username()))
                .flatMap(done -> view(id))
                .map(view -> Response.status(Response.Status.CREATED).entity(view).build());
    }

    @POST
    @Path("/void")
    @RolesAllowed({"clinician", "supervisor"})
    @Operation(
            summary =
                    "Void a session entered in error (its author or a supervisor); publishes SessionVoided when "
                            + "it had been documented")
    public Uni<SessionView> voidSession(
            @PathParam("sessionId") String sessionId,
            @NotNull(message = "a JSON body is required") @Valid VoidSession command) {
        UUID id = Ids.uuid("sessionId", sessionId);
        return Panache.withTransaction(
                        () ->
                                sessions.voidSession(
                                        id,
                                        command.reason(),
                                        caller.username(),
                                        caller.hasRole("supervisor")))
                .flatMap(done -> view(id));
    }

    @GET
    @RolesAllowed({"clinician", "supervisor"})
    @Operation(summary = "A session and its note, with addenda")
    public Uni<SessionView> get(@PathParam("sessionId") String sessionId) {
        return view(Ids.uuid("sessionId", sessionId));
    }

    private Uni<SessionView> view(UUID sessionId) {
        return Panache.withSession(() -> records.find(sessionId))
                .map(
                        session -> {
                            if (session == null) {
                                throw Refused.notFound("session", "no session " + sessionId);
                            }
                            return SessionView.of(session);
                        });
    }
}
