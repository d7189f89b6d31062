package org.careloop.treatment.careteam;

import java.time.Instant;
import java.util.UUID;
import org.careloop.contracts.EventType;

/** What happened to a client's care team, in one stream per client. */
public sealed interface CareTeamEvent {

    String STREAM = "care-team";

    UUID clientId();

    @EventType("treatment.careteam.Assigned")
    record Assigned(
            UUID clientId, String clinician, CareTeamRole role, Instant assignedAt, String by)
            implements CareTeamEvent {}

    /** {@code reason} is REMOVED or DISCHARGED. */
    @EventType("treatment.careteam.Unassigned")
    record Unassigned(
            UUID clientId,
            String clinician,
            CareTeamRole role,
            String reason,
            Instant unassignedAt,
            String by)
            implements CareTeamEvent {}

    @EventType("treatment.careteam.Discharged")
    record Discharged(
            UUID clientId,
            String reason,
            boolean criteriaMet,
            String aftercare,
            Instant dischargedAt,
            String by)
            implements CareTeamEvent {}
}
