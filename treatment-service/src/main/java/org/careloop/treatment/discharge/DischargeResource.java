package org.careloop.treatment.discharge;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.careloop.platform.identity.Staff;
import org.careloop.platform.problem.Ids;
import org.careloop.platform.problem.Refused;
import org.careloop.treatment.careteam.CareTeamCommands;
import org.careloop.treatment.careteam.CareTeamDecider;
import org.careloop.treatment.plan.Plans;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Discharging a client: the care team and the open plan end together. */
@Path("/clients/{clientId}/discharge")
@Tag(name = "Care team")
public class DischargeResource {

    private final CareTeamCommands careTeam;
    private final Plans plans;
    private final Staff caller;
    private final Clock clock;

    DischargeResource(CareTeamCommands careTeam, Plans plans, Staff caller, Clock clock) {
        this.careTeam = careTeam;
        this.plans = plans;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @RolesAllowed({"clinician", "supervisor"})
    @Operation(
            summary =
                    "Discharge the client (a clinician of the care team or a supervisor): every member leaves the "
                            + "team (ClinicianUnassigned), the open plan closes, ClientDischarged is published")
    public Uni<Discharged> discharge(
            @PathParam("clientId") String clientId,
            @NotNull(message = "a JSON body is required") @Valid DischargeClient command) {
        UUID id = Ids.uuid("clientId", clientId);
        String by = caller.username();
        boolean supervisor = caller.hasRole("supervisor");
        Instant now = clock.instant();
        return Panache.withTransaction(
                () ->
                        careTeam.decide(
                                        id,
                                        team -> {
                                            if (!supervisor && !team.includes(by)) {
                                                throw Refused.forbidden(
                                                        "not-on-care-team",
                                                        by + " is not on this client's care team");
                                            }
                                            return CareTeamDecider.discharge(
                                                    team,
                                                    id,
                                                    command.reason(),
                                                    command.criteriaMet(),
                                                    command.aftercare(),
                                                    by,
                                                    now);
                                        },
                                        by)
                                .call(events -> plans.close(id, "DISCHARGED", by))
                                .map(
                                        events ->
                                                new Discharged(
                                                        id,
                                                        command.reason().strip(),
                                                        command.criteriaMet(),
                                                        now,
                                                        by)));
    }

    /** The discharge as recorded. */
    public record Discharged(
            UUID clientId, String reason, boolean criteriaMet, Instant dischargedAt, String by) {}
}
