package org.careloop.billing.claim;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.careloop.platform.directory.ClientDirectory;
import org.careloop.platform.problem.Ids;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A client's claims. */
@Path("/clients/{clientId}/claims")
@Tag(name = "Claims")
public class ClientClaimResource {

    private final ClaimBook book;
    private final ClientDirectory clients;

    ClientClaimResource(ClaimBook book, ClientDirectory clients) {
        this.book = book;
        this.clients = clients;
    }

    @GET
    @RolesAllowed({"billing", "supervisor"})
    @Operation(summary = "The client's claims, newest service first, with their status and holds")
    public Uni<List<ClaimView>> list(@PathParam("clientId") String clientId) {
        var client = Ids.uuid("clientId", clientId);
        return Panache.withSession(
                        () -> clients.known(client).flatMap(known -> book.ofClient(client)))
                .map(claims -> claims.stream().map(ClaimView::of).toList());
    }
}
