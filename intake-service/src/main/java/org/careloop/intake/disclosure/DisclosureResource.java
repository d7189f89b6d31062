package org.careloop.intake.disclosure;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.UUID;
import org.careloop.intake.client.ClientRegistry;
import org.careloop.platform.problem.Ids;
import org.careloop.platform.problem.Problem;
import org.careloop.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A client's accounting of disclosures: every record of theirs sent outside the clinic. */
@Path("/clients/{clientId}/disclosures")
@Tag(name = "Disclosures")
public class DisclosureResource {

    private final DisclosureLog log;
    private final ClientRegistry clients;

    DisclosureResource(DisclosureLog log, ClientRegistry clients) {
        this.log = log;
        this.clients = clients;
    }

    @GET
    @RolesAllowed({"intake", "supervisor", "privacy"})
    @Operation(
            summary =
                    "The client's accounting of disclosures, newest first: to whom, why, under which"
                            + " consent, and whether it was a 42 CFR Part 2 record")
    public Uni<List<DisclosureView>> list(@PathParam("clientId") String clientId) {
        UUID client = Ids.uuid("clientId", clientId);
        return Panache.withSession(
                        () ->
                                clients.find(client)
                                        .flatMap(
                                                found -> {
                                                    if (found == null) {
                                                        throw new ProblemException(
                                                                Problem.notFound(
                                                                        "client",
                                                                        "no client " + client));
                                                    }
                                                    return log.of(client);
                                                }))
                .map(records -> records.stream().map(DisclosureView::of).toList());
    }
}
