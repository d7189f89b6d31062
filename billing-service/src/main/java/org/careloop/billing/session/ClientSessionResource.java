package org.careloop.billing.session;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.UUID;
import org.careloop.platform.directory.ClientDirectory;
import org.careloop.platform.directory.KnownClient;
import org.careloop.platform.problem.Ids;
import org.careloop.platform.problem.Problem;
import org.careloop.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The sessions treatment delivered to one client. */
@Path("/clients/{clientId}/sessions")
@Tag(name = "Delivered sessions")
public class ClientSessionResource {

    private final DeliveredSessions sessions;
    private final SessionViews views;
    private final ClientDirectory directory;

    ClientSessionResource(
            DeliveredSessions sessions, SessionViews views, ClientDirectory directory) {
        this.sessions = sessions;
        this.views = views;
        this.directory = directory;
    }

    @GET
    @RolesAllowed({"billing", "supervisor"})
    @Operation(
            summary =
                    "A client's delivered sessions, newest first, documented or voided, with the rendering and"
                            + " supervising provider's NPI; 404 for a client billing knows nothing of")
    public Uni<List<SessionView>> list(@PathParam("clientId") String clientId) {
        UUID id = Ids.uuid("clientId", clientId);
        return Panache.withSession(
                () ->
                        sessions.ofClient(id)
                                .call(
                                        found ->
                                                found.isEmpty()
                                                        ? directory
                                                                .find(id)
                                                                .invoke(client -> known(client, id))
                                                        : Uni.createFrom().voidItem())
                                .flatMap(views::of));
    }

    private static void known(KnownClient client, UUID id) {
        if (client == null) {
            throw new ProblemException(
                    Problem.notFound("client", "no client " + id + " is known here"));
        }
    }
}
