package org.careloop.treatment.careteam;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.platform.access.RelationNotRequired;
import org.careloop.platform.identity.Staff;
import org.careloop.platform.problem.Ids;
import org.careloop.treatment.staff.StaffRoster;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who cares for a client: assigning and unassigning clinicians. */
@Path("/clients/{clientId}/care-team")
@Tag(name = "Care team")
public class CareTeamResource {

    private final CareTeamCommands teams;
    private final CareTeams projection;
    private final StaffRoster roster;
    private final Staff caller;
    private final Clock clock;

    CareTeamResource(
            CareTeamCommands teams,
            CareTeams projection,
            StaffRoster roster,
            Staff caller,
            Clock clock) {
        this.teams = teams;
        this.projection = projection;
        this.roster = roster;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @RolesAllowed({"supervisor", "clinician"})
    @RelationNotRequired(roles = "supervisor")
    @Operation(
            summary =
                    "Put a clinician on the client's care team (a supervisor may for any client, a clinician for"
                            + " a client they may see); one PRIMARY at a time; publishes ClinicianAssigned")
    public Uni<List<MemberView>> assign(
            @PathParam("clientId") String clientId,
            @NotNull(message = "a JSON body is required") @Valid AssignClinician command) {
        UUID id = Ids.uuid("clientId", clientId);
        String clinician = command.clinician().strip();
        Instant now = clock.instant();
        return Panache.withTransaction(
                        () ->
                                roster.find(clinician)
                                        .flatMap(
                                                record ->
                                                        teams.decide(
                                                                id,
                                                                team ->
                                                                        CareTeamDecider.assign(
                                                                                team,
                                                                                id,
                                                                                clinician,
                                                                                command.role(),
                                                                                record != null,
                                                                                caller.username(),
                                                                                now),
                                                                caller.username()))
                                        .flatMap(recorded -> projection.of(id)))
                .map(MemberView::all);
    }

    @DELETE
    @Path("/{clinician}")
    @RolesAllowed({"supervisor", "clinician"})
    @Operation(
            summary = "Take a clinician off the client's care team; publishes ClinicianUnassigned")
    public Uni<List<MemberView>> unassign(
            @PathParam("clientId") String clientId, @PathParam("clinician") String clinician) {
        UUID id = Ids.uuid("clientId", clientId);
        Instant now = clock.instant();
        return Panache.withTransaction(
                        () ->
                                teams.decide(
                                                id,
                                                team ->
                                                        CareTeamDecider.unassign(
                                                                team,
                                                                id,
                                                                clinician,
                                                                caller.username(),
                                                                now),
                                                caller.username())
                                        .flatMap(recorded -> projection.of(id)))
                .map(MemberView::all);
    }

    @GET
    @RolesAllowed({"supervisor", "clinician"})
    @Operation(summary = "The client's care team")
    public Uni<List<MemberView>> get(@PathParam("clientId") String clientId) {
        UUID id = Ids.uuid("clientId", clientId);
        return Panache.withSession(() -> teams.requireClient(id).flatMap(c -> projection.of(id)))
                .map(MemberView::all);
    }

    /** One member of the team. */
    public record MemberView(String clinician, String role, Instant assignedAt, String assignedBy) {

        static List<MemberView> all(List<CareTeamMember> members) {
            return members.stream()
                    .map(m -> new MemberView(m.clinician, m.role, m.assignedAt, m.assignedBy))
                    .toList();
        }
    }
}
