package org.careloop.billing.authorization;

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
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.careloop.platform.directory.ClientDirectory;
import org.careloop.platform.identity.Staff;
import org.careloop.platform.problem.Ids;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A client's authorizations: requesting one, listing them. */
@Path("/clients/{clientId}/authorizations")
@Tag(name = "Authorizations")
public class ClientAuthorizationResource {

    private final Authorizations authorizations;
    private final AuthorizationBook book;
    private final ClientDirectory clients;
    private final AuthorizationResource one;
    private final Clock clock;
    private final Staff caller;

    ClientAuthorizationResource(
            Authorizations authorizations,
            AuthorizationBook book,
            ClientDirectory clients,
            AuthorizationResource one,
            Clock clock,
            Staff caller) {
        this.authorizations = authorizations;
        this.book = book;
        this.clients = clients;
        this.one = one;
        this.clock = clock;
        this.caller = caller;
    }

    @POST
    @RolesAllowed("billing")
    @Operation(
            summary =
                    "Draft a prior-authorization request: payer, urgency, services and units, dates,"
                            + " diagnoses and justification; send it with POST /authorizations/{id}/submission")
    public Uni<Response> request(
            @PathParam("clientId") String clientId,
            @NotNull(message = "a JSON body is required") @Valid RequestAuthorization command) {
        UUID client = Ids.uuid("clientId", clientId);
        return Panache.withTransaction(
                        () -> authorizations.draft(client, command, caller.username()))
                .flatMap(
                        id ->
                                one.get(id.toString())
                                        .map(
                                                view ->
                                                        Response.created(
                                                                        URI.create(
                                                                                "authorizations/"
                                                                                        + id))
                                                                .entity(view)
                                                                .build()));
    }

    @GET
    @RolesAllowed({"billing", "supervisor"})
    @Operation(summary = "The client's authorizations, newest first, with units left and warnings")
    public Uni<List<AuthorizationView>> list(@PathParam("clientId") String clientId) {
        UUID client = Ids.uuid("clientId", clientId);
        LocalDate today = LocalDate.ofInstant(clock.instant(), authorizations.clinicZone());
        return Panache.withSession(
                () ->
                        clients.known(client)
                                .flatMap(known -> book.ofClient(client))
                                .flatMap(
                                        records -> {
                                            Uni<List<AuthorizationView>> views =
                                                    Uni.createFrom().item(new ArrayList<>());
                                            for (AuthorizationRecord record : records) {
                                                views =
                                                        views.flatMap(
                                                                list ->
                                                                        book.ledger(
                                                                                        record.authorizationId)
                                                                                .map(
                                                                                        ledger -> {
                                                                                            list
                                                                                                    .add(
                                                                                                            AuthorizationView
                                                                                                                    .of(
                                                                                                                            record,
                                                                                                                            today,
                                                                                                                            ledger,
                                                                                                                            List
                                                                                                                                    .of(),
                                                                                                                            false));
                                                                                            return list;
                                                                                        }));
                                            }
                                            return views;
                                        }));
    }
}
