package org.careloop.referral.partner;

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

/** The partner directory: the organisations clients are referred to. */
@Path("/partners")
@Tag(name = "Partners")
public class PartnerResource {

    private final Partners partners;
    private final PartnerDirectory directory;
    private final Staff caller;

    PartnerResource(Partners partners, PartnerDirectory directory, Staff caller) {
        this.partners = partners;
        this.directory = directory;
        this.caller = caller;
    }

    @PUT
    @Path("/{partnerId}")
    @RolesAllowed({"supervisor", "admin"})
    @Operation(
            summary =
                    "Set up a partner: its name, the services it offers, its contact and whether it"
                            + " has the electronic referral interface")
    public Uni<PartnerView> configure(
            @PathParam("partnerId") String partnerId,
            @NotNull(message = "a JSON body is required") @Valid ConfigurePartner command) {
        String id = Partners.partnerId("partnerId", partnerId);
        return Panache.withTransaction(() -> partners.configure(id, command, caller.username()))
                .flatMap(done -> get(id));
    }

    @GET
    @Path("/{partnerId}")
    @RolesAllowed({"clinician", "supervisor", "admin"})
    @Operation(summary = "A partner")
    public Uni<PartnerView> get(@PathParam("partnerId") String partnerId) {
        String id = Partners.partnerId("partnerId", partnerId);
        return Panache.withSession(() -> directory.find(id))
                .map(
                        partner -> {
                            if (partner == null) {
                                throw Refused.notFound("partner", "no partner " + id);
                            }
                            return PartnerView.of(partner);
                        });
    }

    @GET
    @RolesAllowed({"clinician", "supervisor", "admin"})
    @Operation(summary = "Every partner, by name")
    public Uni<List<PartnerView>> list() {
        return Panache.withSession(directory::all)
                .map(all -> all.stream().map(PartnerView::of).toList());
    }
}
