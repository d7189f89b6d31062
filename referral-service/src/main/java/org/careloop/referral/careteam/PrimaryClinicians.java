package org.careloop.referral.careteam;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
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
 * Each client's primary clinician, projected from treatment's care-team events; rebuilt from the
 * inbox history of the service's consumer. A discharge removes the whole care team before it is
 * announced, so the primary it removed is kept until the discharge itself arrives.
 */
@ApplicationScoped
public class PrimaryClinicians implements InboxProjection {

    static final String PRIMARY = "PRIMARY";

    /** The reason treatment gives for the removals a discharge makes. */
    static final String DISCHARGED = "DISCHARGED";

    private final String consumer;

    PrimaryClinicians(@ConfigProperty(name = "quarkus.application.name") String consumer) {
        this.consumer = consumer;
    }

    @Override
    public String name() {
        return "primary-clinicians";
    }

    @Override
    public String table() {
        return "primary_clinician";
    }

    @Override
    public String consumer() {
        return consumer;
    }

    @Override
    public Uni<Void> reset() {
        return execute("delete from primary_clinician", Map.of());
    }

    /** The client's primary clinician now, or null; in the caller's session. */
    public Uni<String> primaryOf(UUID clientId) {
        return column("clinician", clientId);
    }

    /**
     * The client's primary clinician as it was before the discharge now arriving, or null; in the
     * caller's session.
     */
    public Uni<String> primaryBeforeDischarge(UUID clientId) {
        return column("coalesce(before_discharge, clinician)", clientId);
    }

    @Override
    public Uni<Void> apply(ReceivedEvent received) {
        return switch (received.event().orElse(null)) {
            case ClinicianAssigned assigned when PRIMARY.equals(assigned.role()) ->
                    execute(
                            """
                            insert into primary_clinician (client_id, clinician) values (:client, :clinician)
                            on conflict (client_id)
                            do update set clinician = excluded.clinician, before_discharge = null""",
                            Map.of(
                                    "client",
                                    assigned.clientId(),
                                    "clinician",
                                    assigned.clinician()));
            case ClinicianUnassigned unassigned
                    when unassigned.role() == null || PRIMARY.equals(unassigned.role()) ->
                    execute(
                            """
                            update primary_clinician set clinician = null,
                              before_discharge = case when cast(:reason as text) = :discharged then clinician else before_discharge end
                            where client_id = :client and clinician = :clinician""",
                            Map.of(
                                    "client", unassigned.clientId(),
                                    "clinician", unassigned.clinician(),
                                    "reason", Optional.ofNullable(unassigned.reason()),
                                    "discharged", DISCHARGED));
            case ClientDischarged discharged ->
                    execute(
                            "update primary_clinician set clinician = null, before_discharge = null"
                                    + " where client_id = :client",
                            Map.of("client", discharged.clientId()));
            case null, default -> Uni.createFrom().voidItem();
        };
    }

    private static Uni<String> column(String expression, UUID clientId) {
        return Panache.getSession()
                .flatMap(
                        session ->
                                session.createNativeQuery(
                                                "select "
                                                        + expression
                                                        + " from primary_clinician where client_id"
                                                        + " = :client",
                                                String.class)
                                        .setParameter("client", clientId)
                                        .getResultList())
                .map(rows -> rows.isEmpty() ? null : rows.getFirst());
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
