package org.careloop.treatment.outcome;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.careloop.platform.directory.ClientDirectory;
import org.careloop.treatment.careteam.CareEpisodes;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A client's outcome measures over time. */
@Path("/clients/{clientId}/outcomes")
@Tag(name = "Outcomes")
public class OutcomeResource {

    private final ClientDirectory directory;
    private final Outcomes outcomes;
    private final CareEpisodes episodes;

    OutcomeResource(ClientDirectory directory, Outcomes outcomes, CareEpisodes episodes) {
        this.directory = directory;
        this.outcomes = outcomes;
        this.episodes = episodes;
    }

    @GET
    @RolesAllowed({"clinician", "supervisor"})
    @Operation(
            summary =
                    "Per instrument (PHQ-9, GAD-7): baseline, latest, change in points and percent,"
                            + " status (BASELINE, REMISSION, RESPONSE, DETERIORATION,"
                            + " NO_RELIABLE_CHANGE) and the series, within the current episode of care"
                            + " (after the last discharge); 404 for a client not known here")
    public Uni<ClientOutcomes> get(@PathParam("clientId") String clientId) {
        return directory
                .summary(clientId)
                .flatMap(
                        client ->
                                Panache.withSession(() -> episodes.startOf(client.clientId()))
                                        .flatMap(since -> outcomes.of(client.clientId(), since)));
    }
}
