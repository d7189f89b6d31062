package org.careloop.treatment.careteam;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.careloop.platform.eventstore.StoredEvent;
import org.careloop.platform.projection.StoreProjection;

/** Who is on each client's care team now, projected from the care-team streams. */
@ApplicationScoped
public class CareTeams implements StoreProjection {

    @Override
    public String name() {
        return "care-teams";
    }

    @Override
    public String table() {
        return "care_team_member";
    }

    @Override
    public String streamType() {
        return CareTeamEvent.STREAM;
    }

    @Override
    public Uni<Void> reset() {
        return CareTeamMember.deleteAll().replaceWithVoid();
    }

    public Uni<List<CareTeamMember>> of(UUID clientId) {
        return CareTeamMember.list("clientId = ?1 order by assignedAt", clientId);
    }

    public Uni<List<CareTeamMember>> caseloadOf(String clinician) {
        return CareTeamMember.list("clinician = ?1 order by assignedAt", clinician);
    }

    public Uni<Boolean> includes(UUID clientId, String clinician) {
        return CareTeamMember.count("clientId = ?1 and clinician = ?2", clientId, clinician)
                .map(n -> n > 0);
    }

    @Override
    public Uni<Void> apply(StoredEvent stored) {
        return switch (stored.decode(CareTeamEvent.class)) {
            case CareTeamEvent.Assigned a -> {
                CareTeamMember member = new CareTeamMember();
                member.clientId = a.clientId();
                member.clinician = a.clinician();
                member.role = a.role().name();
                member.assignedAt = a.assignedAt();
                member.assignedBy = a.by();
                yield member.persist().replaceWithVoid();
            }
            case CareTeamEvent.Unassigned u ->
                    CareTeamMember.delete(
                                    "clientId = ?1 and clinician = ?2", u.clientId(), u.clinician())
                            .replaceWithVoid();
            case CareTeamEvent.Discharged d -> Uni.createFrom().voidItem();
        };
    }
}
