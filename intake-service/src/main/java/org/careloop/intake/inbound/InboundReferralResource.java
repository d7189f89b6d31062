package org.careloop.intake.inbound;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.careloop.platform.identity.Staff;
import org.careloop.platform.problem.Ids;
import org.careloop.platform.problem.InvalidCommand;
import org.careloop.platform.problem.Refused;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Partners' inbound referrals as intake tasks: listed, accepted (registering the client) or
 * declined.
 */
@Path("/inbound-referrals")
@Tag(name = "Inbound referrals")
public class InboundReferralResource {

    private final InboundReferrals referrals;
    private final InboundTasks tasks;
    private final Staff staff;

    InboundReferralResource(InboundReferrals referrals, InboundTasks tasks, Staff staff) {
        this.referrals = referrals;
        this.tasks = tasks;
        this.staff = staff;
    }

    @GET
    @RolesAllowed({"intake", "supervisor"})
    @Operation(
            summary =
                    "Inbound referrals, most urgent first (EMERGENT, URGENT, ROUTINE), then oldest"
                            + " first; status OPEN, ACCEPTED or DECLINED (all when left out)")
    public Uni<List<InboundTaskView>> list(@QueryParam("status") String status) {
        InboundStatus wanted = status(status);
        return Panache.withSession(() -> tasks.list(wanted))
                .map(found -> found.stream().map(InboundTaskView::of).toList());
    }

    @GET
    @Path("/{inboundId}")
    @RolesAllowed({"intake", "supervisor"})
    @Operation(summary = "One inbound referral")
    public Uni<InboundTaskView> get(@PathParam("inboundId") String inboundId) {
        UUID id = Ids.uuid("inboundId", inboundId);
        return Panache.withSession(() -> tasks.find(id)).map(task -> view(id, task));
    }

    @POST
    @Path("/{inboundId}/acceptance")
    @RolesAllowed("intake")
    @Operation(
            summary =
                    "Accept an open inbound referral: registers the client (the partner's"
                            + " demographics, each corrected where the body gives one; {}"
                            + " keeps them) and publishes ClientRegistered and InboundReferralAccepted")
    public Uni<InboundTaskView> accept(
            @PathParam("inboundId") String inboundId,
            @NotNull(message = "a JSON body is required; {} keeps the partner's demographics")
                    @Valid
                    AcceptInbound corrections) {
        UUID id = Ids.uuid("inboundId", inboundId);
        return Panache.withTransaction(() -> referrals.accept(id, corrections, staff.username()))
                .map(task -> view(id, task));
    }

    @POST
    @Path("/{inboundId}/decline")
    @RolesAllowed("intake")
    @Operation(
            summary =
                    "Decline an open inbound referral, with the reason the partner is told;"
                            + " publishes InboundReferralDeclined")
    public Uni<InboundTaskView> decline(
            @PathParam("inboundId") String inboundId,
            @NotNull(message = "a JSON body is required") @Valid DeclineInbound command) {
        UUID id = Ids.uuid("inboundId", inboundId);
        return Panache.withTransaction(() -> referrals.decline(id, command, staff.username()))
                .map(task -> view(id, task));
    }

    private static InboundTaskView view(UUID id, InboundTask task) {
        if (task == null) {
            throw Refused.notFound("inbound-referral", "no inbound referral " + id);
        }
        return InboundTaskView.of(task);
    }

    private static InboundStatus status(String status) {
        if (status == null) {
            return null;
        }
        try {
            return InboundStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new InvalidCommand(
                    "status", "must be one of " + Arrays.toString(InboundStatus.values()));
        }
    }
}
