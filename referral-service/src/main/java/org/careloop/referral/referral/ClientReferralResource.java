package org.careloop.referral.referral;

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
import java.util.List;
import java.util.UUID;
import org.careloop.platform.directory.ClientDirectory;
import org.careloop.platform.identity.Staff;
import org.careloop.platform.problem.Ids;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A client's referrals: drafting one, listing them. */
@Path("/clients/{clientId}/referrals")
@Tag(name = "Referrals")
public class ClientReferralResource {

    private final Referrals referrals;
    private final ReferralBook book;
    private final ClientDirectory clients;
    private final ReferralResource one;
    private final Staff caller;

    ClientReferralResource(
            Referrals referrals,
            ReferralBook book,
            ClientDirectory clients,
            ReferralResource one,
            Staff caller) {
        this.referrals = referrals;
        this.book = book;
        this.clients = clients;
        this.one = one;
        this.caller = caller;
    }

    @POST
    @RolesAllowed("clinician")
    @Operation(
            summary =
                    "Draft a referral to a partner offering the service: urgency, reason, diagnoses and notes;"
                            + " the caller is the referring clinician; send it with POST /referrals/{id}/sending")
    public Uni<Response> draft(
            @PathParam("clientId") String clientId,
            @NotNull(message = "a JSON body is required") @Valid DraftReferral command) {
        UUID client = Ids.uuid("clientId", clientId);
        return Panache.withTransaction(() -> referrals.draft(client, command, caller.username()))
                .flatMap(
                        id ->
                                one.view(id)
                                        .map(
                                                view ->
                                                        Response.created(
                                                                        URI.create(
                                                                                "referrals/" + id))
                                                                .entity(view)
                                                                .build()));
    }

    @GET
    @RolesAllowed({"clinician", "supervisor"})
    @Operation(summary = "The client's referrals, newest first")
    public Uni<List<ReferralView>> list(@PathParam("clientId") String clientId) {
        UUID client = Ids.uuid("clientId", clientId);
        return Panache.withSession(
                () ->
                        clients.known(client)
                                .flatMap(known -> book.ofClient(client))
                                .map(
                                        all ->
                                                all.stream()
                                                        .map(r -> ReferralView.of(r, null))
                                                        .toList()));
    }
}
