package org.careloop.billing.payer;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.careloop.platform.identity.Staff;
import org.careloop.platform.problem.Refused;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The payers billing works with, and their rules. */
@Path("/payers")
@Tag(name = "Payers")
public class PayerResource {

    private final Payers payers;
    private final PayerDirectory directory;
    private final Staff caller;

    PayerResource(Payers payers, PayerDirectory directory, Staff caller) {
        this.payers = payers;
        this.directory = directory;
        this.caller = caller;
    }

    @PUT
    @Path("/{payerId}")
    @RolesAllowed({"billing", "admin"})
    @Operation(
            summary =
                    "Set a payer's rules: codes needing authorization, telehealth modifiers, supervised billing, "
                            + "fees, timely filing and its Da Vinci PAS endpoint; held claims on it are evaluated again")
    public Uni<PayerView> configure(
            @PathParam("payerId") String payerId,
            @NotNull(message = "a JSON body is required") @Valid ConfigurePayer command) {
        String id = Payers.payerId("payerId", payerId);
        return Panache.withTransaction(() -> payers.configure(id, command, caller.username()))
                .flatMap(done -> get(id));
    }

    @GET
    @Path("/{payerId}")
    @RolesAllowed({"billing", "supervisor", "admin"})
    @Operation(summary = "A payer's rules (never its PAS client secret)")
    public Uni<PayerView> get(@PathParam("payerId") String payerId) {
        String id = Payers.payerId("payerId", payerId);
        return Panache.withSession(() -> directory.find(id))
                .map(
                        payer -> {
                            if (payer == null) {
                                throw Refused.notFound("payer", "no payer " + id);
                            }
                            return PayerView.of(payer);
                        });
    }

    @GET
    @RolesAllowed({"billing", "supervisor", "admin"})
    @Operation(summary = "Every payer, by name")
    public Uni<List<PayerView>> list() {
        return Panache.withSession(directory::all)
                .map(all -> all.stream().map(PayerView::of).toList());
    }
}
