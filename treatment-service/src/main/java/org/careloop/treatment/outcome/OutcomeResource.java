package org.careloop.treatment.outcome;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.careloop.platform.directory.ClientDirectory;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A client's outcome measures over time. */
@Path("/clients/{clientId}/outcomes")
@Tag(name = "Outcomes")
public class OutcomeResource {

    private final ClientDirectory directory;
    private final Outcomes outcomes;

    OutcomeResource(ClientDirectory directory, Outcomes outcomes) {
        this.directory = directory;
        this.outcomes = outcomes;
    }

    @GET
    @RolesAllowed({"clinician", "supervisor"})
    @Operation(
            summary =
                    "Per instrument (PHQ-9, GAD-7): baseline, latest, change in points and percent,"
                            + " status (BASELINE, REMISSION, RESPONSE, DETERIORATION,"
                            + " NO_RELIABLE_CHANGE) and the series; 404 for a client not known here")
    public Uni<ClientOutcomes> get(@PathParam("clientId") String clientId) {
        return directory.summary(clientId).flatMap(client -> outcomes.of(client.clientId()));
    }
}
