package org.careloop.referral.referral;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.careloop.platform.identity.Staff;
import org.careloop.platform.problem.Ids;
import org.careloop.platform.problem.Refused;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * One referral: completing the draft, sending it, the partner's answers, review, cancellation and
 * holds.
 */
@Path("/referrals/{referralId}")
@Tag(name = "Referrals")
public class ReferralResource {

    private final Referrals referrals;
    private final ReferralBook book;
    private final Staff caller;

    ReferralResource(Referrals referrals, ReferralBook book, Staff caller) {
        this.referrals = referrals;
        this.book = book;
        this.caller = caller;
    }

    private ReferralDecider.Actor actor() {
        return new ReferralDecider.Actor(caller.username(), caller.hasRole("supervisor"));
    }

    @POST
    @Path("/sending")
    @RolesAllowed("clinician")
    @Operation(
            summary =
                    "Send the draft to the partner (referring clinician): REQUESTED, with the acceptance and"
                            + " first-appointment clocks started; a 409 consent-required when the client has no"
                            + " active DISCLOSURE consent to the partner for TREATMENT (covering Part 2 for"
                            + " substance use diagnoses)")
    public Uni<ReferralView> send(@PathParam("referralId") String referralId) {
        UUID id = Ids.uuid("referralId", referralId);
        return Panache.withTransaction(() -> referrals.send(id, actor())).flatMap(done -> view(id));
    }

    @PUT
    @Path("/draft")
    @RolesAllowed("clinician")
    @Operation(
            summary =
                    "Complete or change a DRAFT before sending it (the referring clinician; a draft an event"
                            + " started with no referrer is taken by who completes it): partnerId (offering the"
                            + " draft's service type), urgency, reason, diagnoses, notes")
    public Uni<ReferralView> amend(
            @PathParam("referralId") String referralId,
            @NotNull(message = "a JSON body is required") @Valid AmendDraft command) {
        UUID id = Ids.uuid("referralId", referralId);
        return Panache.withTransaction(() -> referrals.amend(id, command, actor()))
                .flatMap(done -> view(id));
    }

    @POST
    @Path("/partner-updates")
    @RolesAllowed({"clinician", "supervisor"})
    @Operation(
            summary =
                    "Record what a partner without the electronic interface said: RECEIVED, ACCEPTED, REJECTED"
                            + " (with reason), IN_PROGRESS (with appointmentAt), COMPLETED (with outcome.summary)"
                            + " or FAILED")
    public Uni<ReferralView> partnerUpdate(
            @PathParam("referralId") String referralId,
            @NotNull(message = "a JSON body is required") @Valid PartnerUpdate command) {
        UUID id = Ids.uuid("referralId", referralId);
        return Panache.withTransaction(() -> referrals.partnerUpdate(id, command, actor()))
                .flatMap(done -> view(id));
    }

    @POST
    @Path("/review")
    @RolesAllowed("clinician")
    @Operation(
            summary =
                    "The referring clinician reviewed the partner's outcome: COMPLETED becomes CLOSED")
    public Uni<ReferralView> review(@PathParam("referralId") String referralId) {
        UUID id = Ids.uuid("referralId", referralId);
        return Panache.withTransaction(() -> referrals.review(id, actor()))
                .flatMap(done -> view(id));
    }

    @POST
    @Path("/cancellation")
    @RolesAllowed({"clinician", "supervisor"})
    @Operation(
            summary =
                    "Cancel the referral, with the reason, before the partner started the service")
    public Uni<ReferralView> cancel(
            @PathParam("referralId") String referralId,
            @NotNull(message = "a JSON body is required") @Valid Reason command) {
        UUID id = Ids.uuid("referralId", referralId);
        return Panache.withTransaction(() -> referrals.cancel(id, command, actor()))
                .flatMap(done -> view(id));
    }

    @POST
    @Path("/hold")
    @RolesAllowed({"clinician", "supervisor"})
    @Operation(summary = "Put the referral ON_HOLD, with the reason")
    public Uni<ReferralView> hold(
            @PathParam("referralId") String referralId,
            @NotNull(message = "a JSON body is required") @Valid Reason command) {
        UUID id = Ids.uuid("referralId", referralId);
        return Panache.withTransaction(() -> referrals.hold(id, command, actor()))
                .flatMap(done -> view(id));
    }

    @POST
    @Path("/resumption")
    @RolesAllowed({"clinician", "supervisor"})
    @Operation(summary = "Take the referral off hold: back where it was")
    public Uni<ReferralView> resume(@PathParam("referralId") String referralId) {
        UUID id = Ids.uuid("referralId", referralId);
        return Panache.withTransaction(() -> referrals.resume(id, actor()))
                .flatMap(done -> view(id));
    }

    @GET
    @RolesAllowed({"clinician", "supervisor"})
    @Operation(summary = "A referral: status, clocks and overdue flags, outcome and timeline")
    public Uni<ReferralView> get(@PathParam("referralId") String referralId) {
        return view(Ids.uuid("referralId", referralId));
    }

    Uni<ReferralView> view(UUID id) {
        return Panache.withSession(
                () ->
                        book.find(id)
                                .flatMap(
                                        record -> {
                                            if (record == null) {
                                                throw Refused.notFound(
                                                        "referral", "no referral " + id);
                                            }
                                            return referrals
                                                    .events(id)
                                                    .map(
                                                            events ->
                                                                    ReferralView.of(
                                                                            record,
                                                                            ReferralView.timeline(
                                                                                    events)));
                                        }));
    }
}
