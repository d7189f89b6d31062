package org.careloop.intake.client;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.careloop.platform.access.ClientAccess;
import org.careloop.platform.identity.Staff;
import org.careloop.platform.problem.Ids;
import org.careloop.platform.problem.InvalidCommand;
import org.careloop.platform.problem.Problem;
import org.careloop.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Registering clients and finding them again. */
@Path("/clients")
@Tag(name = "Clients")
public class ClientResource {

    private final ClientRegistration registration;
    private final ClientRegistry registry;
    private final Staff staff;
    private final ClientAccess access;

    ClientResource(
            ClientRegistration registration,
            ClientRegistry registry,
            Staff staff,
            ClientAccess access) {
        this.registration = registration;
        this.registry = registry;
        this.staff = staff;
        this.access = access;
    }

    @POST
    @RolesAllowed("intake")
    @Operation(summary = "Register a new client; publishes ClientRegistered")
    public Uni<Response> register(
            @NotNull(message = "a JSON body is required") @Valid RegisterClient command,
            @Context UriInfo uri) {
        UUID clientId = UUID.randomUUID();
        return Panache.withTransaction(
                        () -> registration.register(clientId, command, staff.username()))
                .map(
                        client ->
                                Response.created(URI.create(uri.getAbsolutePath() + "/" + clientId))
                                        .entity(ClientView.of(client))
                                        .build());
    }

    @GET
    @Path("/{clientId}")
    @RolesAllowed({"intake", "clinician", "supervisor"})
    @Operation(summary = "A client's registration record")
    public Uni<ClientView> get(@PathParam("clientId") String clientId) {
        UUID id = Ids.uuid("clientId", clientId);
        return Panache.withSession(() -> registry.find(id))
                .map(
                        client -> {
                            if (client == null) {
                                throw new ProblemException(
                                        Problem.notFound("client", "no client " + id));
                            }
                            return ClientView.of(client);
                        });
    }

    @GET
    @RolesAllowed({"intake", "clinician", "supervisor"})
    @Operation(
            summary =
                    "Clients whose first, last or preferred name starts with the search text (at most 50); a"
                            + " clinician finds only the clients they may see")
    public Uni<List<ClientView>> search(@QueryParam("search") String search) {
        if (search == null || search.isBlank()) {
            throw new InvalidCommand(
                    "search", "is required: the start of a first, last or preferred name");
        }
        return access.listableBy(staff)
                .flatMap(among -> Panache.withSession(() -> registry.search(search, among)))
                .map(clients -> clients.stream().map(ClientView::of).toList());
    }
}
