package org.careloop.referral.client;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.careloop.platform.directory.ClientDirectory;
import org.careloop.platform.directory.ClientSummary;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The clients referral knows of, as intake announced them. */
@Path("/clients")
@Tag(name = "Clients")
public class ClientResource {

    private final ClientDirectory directory;

    ClientResource(ClientDirectory directory) {
        this.directory = directory;
    }

    @GET
    @Path("/{clientId}")
    @RolesAllowed({"intake", "clinician", "supervisor"})
    @Operation(
            summary =
                    "A client as referral knows them; 404 until intake's ClientRegistered has arrived")
    public Uni<ClientSummary> get(@PathParam("clientId") String clientId) {
        return directory.summary(clientId);
    }
}
