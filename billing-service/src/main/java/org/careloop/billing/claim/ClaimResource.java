package org.careloop.billing.claim;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.careloop.platform.problem.Ids;
import org.careloop.platform.problem.InvalidCommand;
import org.careloop.platform.problem.Refused;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The claims: the held-claims work queue, and one claim. */
@Path("/claims")
@Tag(name = "Claims")
public class ClaimResource {

    static final int PAGE = 500;

    private final ClaimBook book;

    ClaimResource(ClaimBook book) {
        this.book = book;
    }

    @GET
    @RolesAllowed("billing")
    @Operation(
            summary =
                    "Claims, oldest service first: ?status=HELD is the work queue, each claim with its hold"
                            + " reasons (and ?reason=NO_AUTHORIZATION narrows it)")
    public Uni<List<ClaimView>> list(
            @QueryParam("status") String status, @QueryParam("reason") String reason) {
        ClaimStatus wanted = status == null ? null : parse(ClaimStatus.class, "status", status);
        HoldReason because = reason == null ? null : parse(HoldReason.class, "reason", reason);
        return Panache.withSession(
                        () -> wanted == null ? book.all(PAGE) : book.inStatus(wanted.name(), PAGE))
                .map(
                        claims ->
                                claims.stream()
                                        .map(ClaimView::of)
                                        .filter(
                                                c ->
                                                        because == null
                                                                || c.holds().stream()
                                                                        .anyMatch(
                                                                                h ->
                                                                                        h.reason()
                                                                                                == because))
                                        .toList());
    }

    @GET
    @Path("/{claimId}")
    @RolesAllowed({"billing", "supervisor"})
    @Operation(summary = "One claim: its lines, charges, authorization number and hold reasons")
    public Uni<ClaimView> get(@PathParam("claimId") String claimId) {
        var id = Ids.uuid("claimId", claimId);
        return Panache.withSession(() -> book.find(id))
                .map(
                        claim -> {
                            if (claim == null) {
                                throw Refused.notFound("claim", "no claim " + id);
                            }
                            return ClaimView.of(claim);
                        });
    }

    static <E extends Enum<E>> E parse(Class<E> type, String parameter, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidCommand(
                    parameter, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
