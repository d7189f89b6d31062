package org.careloop.risk.careteam;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.careloop.contracts.treatment.ClientDischarged;
import org.careloop.contracts.treatment.ClinicianAssigned;
import org.careloop.contracts.treatment.ClinicianUnassigned;
import org.careloop.platform.inbox.ReceivedEvent;
import org.careloop.platform.projection.InboxProjection;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Each client's care team, projected from treatment's assignments; rebuilt from the inbox history
 * of the service's consumer. A client has at most one primary clinician: a new one takes the place
 * of the last.
 */
@ApplicationScoped
public class CareTeams implements InboxProjection {

    private final String consumer;

    CareTeams(@ConfigProperty(name = "quarkus.application.name") String consumer) {
        this.consumer = consumer;
    }

    @Override
    public String name() {
        return "care-teams";
    }

    @Override
    public String table() {
        return "care_team_member";
    }

    @Override
    public String consumer() {
        return consumer;
    }

    /** The client's primary clinician now, or null; in the caller's session. */
    public Uni<String> primaryOf(UUID clientId) {
        return CareTeamMember.<CareTeamMember>find(
                        "clientId = ?1 and role = ?2", clientId, CareTeamMember.PRIMARY)
                .firstResult()
                .map(member -> member == null ? null : member.clinician);
    }

    /** Everyone on the client's care team, in every role they hold. */
    public Uni<List<CareTeamMember>> of(UUID clientId) {
        return CareTeamMember.list("clientId = ?1 order by role, clinician", clientId);
    }

    @Override
    public Uni<Void> reset() {
        return CareTeamMember.deleteAll().replaceWithVoid();
    }

    @Override
    public Uni<Void> apply(ReceivedEvent received) {
        return switch (received.event().orElse(null)) {
            case ClinicianAssigned assigned -> assign(assigned);
            case ClinicianUnassigned unassigned ->
                    execute(
                            "delete from care_team_member where client_id = :client and clinician = :clinician"
                                    + " and (cast(:role as text) is null or role = :role)",
                            Map.of(
                                    "client", unassigned.clientId(),
                                    "clinician", unassigned.clinician(),
                                    "role", Optional.ofNullable(unassigned.role())));
            case ClientDischarged discharged ->
                    execute(
                            "delete from care_team_member where client_id = :client",
                            Map.of("client", discharged.clientId()));
            case null, default -> Uni.createFrom().voidItem();
        };
    }

    // Plain statements rather than managed entities: a rebuild replays an assignment, its removal
    // and a new assignment of the same member in one session, where entities would collide.
    private Uni<Void> assign(ClinicianAssigned event) {
        Uni<Void> before =
                CareTeamMember.PRIMARY.equals(event.role())
                        ? execute(
                                "delete from care_team_member where client_id = :client and role = 'PRIMARY'",
                                Map.of("client", event.clientId()))
                        : Uni.createFrom().voidItem();
        return before.call(
                () ->
                        execute(
                                """
                                insert into care_team_member (client_id, clinician, role, assigned_at, assigned_by)
                                values (:client, :clinician, :role, :at, :by)
                                on conflict (client_id, clinician, role)
                                do update set assigned_at = excluded.assigned_at, assigned_by = excluded.assigned_by""",
                                Map.of(
                                        "client", event.clientId(),
                                        "clinician", event.clinician(),
                                        "role", event.role(),
                                        "at", Optional.ofNullable(event.assignedAt()),
                                        "by", Optional.ofNullable(event.assignedBy()))));
    }

    /** Runs a statement in the caller's transaction; an empty Optional binds SQL null. */
    private static Uni<Void> execute(String sql, Map<String, Object> parameters) {
        return Panache.getSession()
                .flatMap(
                        session -> {
                            var query = session.createNativeQuery(sql);
                            parameters.forEach(
                                    (name, value) ->
                                            query.setParameter(
                                                    name,
                                                    value instanceof Optional<?> optional
                                                            ? optional.orElse(null)
                                                            : value));
                            return query.executeUpdate();
                        })
                .replaceWithVoid();
    }
}
