package org.careloop.risk.policy;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Clock;
import java.util.List;
import org.careloop.platform.identity.Staff;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Escalation ladders are data: supervisors change them without a release. */
@Path("/escalation-policies/{priority}")
@Tag(name = "Escalation policies")
public class PolicyResource {

    private final EscalationPolicies policies;
    private final Staff staff;
    private final Clock clock;

    PolicyResource(EscalationPolicies policies, Staff staff, Clock clock) {
        this.policies = policies;
        this.staff = staff;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({"oncall", "clinician", "supervisor", "admin"})
    @Operation(
            summary =
                    "The ladder in force for CRITICAL (HIGH risk) or URGENT (MODERATE risk) alerts")
    public Uni<EscalationPolicy> get(@PathParam("priority") String priority) {
        Priority p = EscalationPolicies.priority(priority);
        return Panache.withSession(() -> policies.of(p));
    }

    @PUT
    @RolesAllowed({"supervisor", "admin"})
    @Operation(
            summary =
                    "Replace a ladder: steps of tier and ISO-8601 ackTimeout, the last step may have none")
    public Uni<EscalationPolicy> put(
            @PathParam("priority") String priority,
            @NotNull(message = "a JSON body is required") Ladder ladder) {
        EscalationPolicy policy =
                policies.validated(EscalationPolicies.priority(priority), ladder.steps());
        return Panache.withTransaction(
                () -> policies.replace(policy, staff.username(), clock.instant()));
    }

    @DELETE
    @RolesAllowed({"supervisor", "admin"})
    @Operation(
            summary =
                    "Put the clinic's configured default ladder back in force; answers the ladder now in force")
    public Uni<EscalationPolicy> reset(@PathParam("priority") String priority) {
        Priority p = EscalationPolicies.priority(priority);
        return Panache.withTransaction(() -> policies.reset(p, staff.username(), clock.instant()));
    }

    /** The body of a PUT. */
    public record Ladder(List<EscalationStep> steps) {}
}
