package org.careloop.billing.session;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.UUID;
import org.careloop.platform.problem.Ids;
import org.careloop.platform.problem.Problem;
import org.careloop.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One delivered session. */
@Path("/sessions")
@Tag(name = "Delivered sessions")
public class SessionResource {

    private final DeliveredSessions sessions;
    private final SessionViews views;

    SessionResource(DeliveredSessions sessions, SessionViews views) {
        this.sessions = sessions;
        this.views = views;
    }

    @GET
    @Path("/{sessionId}")
    @RolesAllowed({"billing", "supervisor"})
    @Operation(
            summary =
                    "One delivered session with its status and providers' NPIs; 404 until treatment's"
                            + " SessionDocumented has arrived")
    public Uni<SessionView> get(@PathParam("sessionId") String sessionId) {
        UUID id = Ids.uuid("sessionId", sessionId);
        return Panache.withSession(
                        () ->
                                sessions.find(id)
                                        .flatMap(
                                                session -> {
                                                    if (session == null) {
                                                        throw new ProblemException(
                                                                Problem.notFound(
                                                                        "session",
                                                                        "no session "
                                                                                + id
                                                                                + " is known here"));
                                                    }
                                                    return views.of(List.of(session));
                                                }))
                .map(List::getFirst);
    }
}
