package org.careloop.referral.inbound;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.careloop.platform.access.RelationNotRequired;
import org.careloop.platform.problem.Ids;
import org.careloop.platform.problem.Refused;
import org.careloop.referral.fhir.PartnerCaller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Referrals from a partner organization to the clinic, with the partner's own token: sent here,
 * answered by intake. A partner sees only its own.
 */
@Path("/inbound")
@Tag(name = "Inbound referrals")
@RolesAllowed("partner")
@RelationNotRequired(roles = "partner")
public class InboundResource {

    private final PartnerCaller caller;
    private final InboundReferrals referrals;
    private final InboundBook book;

    InboundResource(PartnerCaller caller, InboundReferrals referrals, InboundBook book) {
        this.caller = caller;
        this.referrals = referrals;
        this.book = book;
    }

    @POST
    @Operation(
            summary =
                    "Refer a person to the clinic; an intake task until intake accepts (registering"
                            + " the client) or declines it; publishes InboundReferralReceived")
    public Uni<Response> refer(
            @NotNull(message = "a JSON body is required") @Valid ReferInbound command,
            @Context UriInfo uri) {
        return caller.partner()
                .flatMap(
                        partner ->
                                Panache.withTransaction(
                                        () ->
                                                referrals
                                                        .receive(partner, command)
                                                        .flatMap(
                                                                id ->
                                                                        book.find(
                                                                                partner.partnerId,
                                                                                id))))
                .map(
                        record ->
                                Response.created(
                                                URI.create(
                                                        uri.getAbsolutePath()
                                                                + "/"
                                                                + record.inboundId))
                                        .entity(InboundView.of(record))
                                        .build());
    }

    @GET
    @Path("/{inboundId}")
    @Operation(
            summary =
                    "One of the caller's inbound referrals: RECEIVED, ACCEPTED (with when) or"
                            + " DECLINED (with the reason)")
    public Uni<InboundView> get(@PathParam("inboundId") String inboundId) {
        UUID id = Ids.uuid("inboundId", inboundId);
        return caller.partner()
                .flatMap(partner -> Panache.withSession(() -> book.find(partner.partnerId, id)))
                .map(
                        record -> {
                            if (record == null) {
                                throw Refused.notFound(
                                        "inbound-referral", "no inbound referral " + id);
                            }
                            return InboundView.of(record);
                        });
    }

    @GET
    @Operation(summary = "The caller's inbound referrals, newest first")
    public Uni<List<InboundView>> list() {
        return caller.partner()
                .flatMap(partner -> Panache.withSession(() -> book.of(partner.partnerId)))
                .map(records -> records.stream().map(InboundView::of).toList());
    }
}
