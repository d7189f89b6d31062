package org.careloop.treatment.careteam;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.careloop.platform.problem.InvalidCommand;
import org.careloop.platform.problem.Refused;

/** The rules of a care team: known clinicians only, one PRIMARY at a time, one role each. */
public final class CareTeamDecider {

    private CareTeamDecider() {}

    /**
     * @param clinicianHasStaffRecord whether the clinician has a staff record (credential) here
     */
    public static List<CareTeamEvent> assign(
            CareTeam team,
            UUID clientId,
            String clinician,
            CareTeamRole role,
            boolean clinicianHasStaffRecord,
            String by,
            Instant now) {
        if (!clinicianHasStaffRecord) {
            throw Refused.notFound(
                    "clinician",
                    "no staff record for " + clinician + ": record their credential first");
        }
        CareTeamRole current = team.members().get(clinician);
        if (current == role) {
            return List.of();
        }
        if (current != null) {
            throw Refused.conflict(
                    "already-on-care-team",
                    clinician + " is on the care team as " + current + ": unassign them first");
        }
        if (role == CareTeamRole.PRIMARY) {
            team.primary()
                    .ifPresent(
                            primary -> {
                                throw Refused.conflict(
                                        "one-primary",
                                        primary
                                                + " is the client's PRIMARY clinician: unassign them first");
                            });
        }
        return List.of(new CareTeamEvent.Assigned(clientId, clinician, role, now, by));
    }

    public static List<CareTeamEvent> unassign(
            CareTeam team, UUID clientId, String clinician, String by, Instant now) {
        CareTeamRole role = team.members().get(clinician);
        if (role == null) {
            throw Refused.notFound(
                    "care-team-member", clinician + " is not on this client's care team");
        }
        return List.of(new CareTeamEvent.Unassigned(clientId, clinician, role, "REMOVED", now, by));
    }

    /** Ends the episode of care: every member leaves the team, then the discharge itself. */
    public static List<CareTeamEvent> discharge(
            CareTeam team,
            UUID clientId,
            String reason,
            boolean criteriaMet,
            String aftercare,
            String by,
            Instant now) {
        if (team.discharged() && team.members().isEmpty()) {
            throw Refused.conflict("already-discharged", "the client is already discharged");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidCommand("reason", "is required");
        }
        List<CareTeamEvent> events = new ArrayList<>();
        team.members()
                .forEach(
                        (clinician, role) ->
                                events.add(
                                        new CareTeamEvent.Unassigned(
                                                clientId, clinician, role, "DISCHARGED", now, by)));
        events.add(
                new CareTeamEvent.Discharged(
                        clientId,
                        reason.strip(),
                        criteriaMet,
                        aftercare == null || aftercare.isBlank() ? null : aftercare.strip(),
                        now,
                        by));
        return events;
    }
}
