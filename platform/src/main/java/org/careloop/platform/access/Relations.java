package org.careloop.platform.access;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.careloop.contracts.IntegrationEvent;
import org.careloop.contracts.access.EmergencyAccessGranted;
import org.careloop.contracts.risk.AlertAcknowledged;
import org.careloop.contracts.risk.AlertEscalated;
import org.careloop.contracts.risk.CrisisAlertRaised;
import org.careloop.contracts.risk.RiskResolved;
import org.careloop.contracts.treatment.ClientDischarged;
import org.careloop.contracts.treatment.ClinicianAssigned;
import org.careloop.contracts.treatment.ClinicianUnassigned;
import org.careloop.contracts.treatment.StaffCredentialed;
import org.careloop.platform.inbox.ReceivedEvent;
import org.careloop.platform.projection.InboxProjection;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who may reach which client, projected from other services' events: treatment's care teams and
 * supervisors, risk's crisis alerts, and emergency grants from any service. Rebuilt from the inbox
 * history of the service's consumer. In treatment, which owns the care team, the care team and
 * supervisors come from its own tables instead ({@code
 * careloop.access.care-team-from-inbox=false}), and in risk, which raises the alerts, the alerts
 * come from its store ({@code careloop.access.alerts-from-inbox=false}).
 */
@ApplicationScoped
public class Relations implements InboxProjection {

    private final String consumer;
    private final boolean careTeamFromInbox;
    private final boolean alertsFromInbox;
    private final AccessPolicy policy;

    Relations(
            @ConfigProperty(name = "quarkus.application.name") String consumer,
            @ConfigProperty(name = "careloop.access.care-team-from-inbox", defaultValue = "true")
                    boolean careTeamFromInbox,
            @ConfigProperty(name = "careloop.access.alerts-from-inbox", defaultValue = "true")
                    boolean alertsFromInbox,
            AccessPolicy policy) {
        this.consumer = consumer;
        this.careTeamFromInbox = careTeamFromInbox;
        this.alertsFromInbox = alertsFromInbox;
        this.policy = policy;
    }

    @Override
    public String name() {
        return "access";
    }

    @Override
    public String table() {
        return "access_alert";
    }

    @Override
    public String consumer() {
        return consumer;
    }

    @Override
    public Uni<Void> reset() {
        Uni<Void> grants = execute("delete from access_emergency", Map.of());
        if (alertsFromInbox) {
            grants = grants.call(AlertChanges::reset);
        }
        if (careTeamFromInbox) {
            grants = grants.call(CareTeamChanges::reset);
        }
        return grants;
    }

    @Override
    public Uni<Void> apply(ReceivedEvent received) {
        IntegrationEvent event = received.event().orElse(null);
        if (careTeamFromInbox && CareTeamChanges.concerns(event)) {
            return CareTeamChanges.apply(event);
        }
        if (!alertsFromInbox) {
            return event instanceof EmergencyAccessGranted granted
                    ? granted(granted)
                    : Uni.createFrom().voidItem();
        }
        Duration grace = policy.alertGrace();
        return switch (event) {
            case CrisisAlertRaised raised ->
                    AlertChanges.addressed(
                            raised.alertId(),
                            raised.addressedTo(),
                            raised.clientId(),
                            raised.raisedAt());
            case AlertEscalated escalated ->
                    AlertChanges.addressed(
                            escalated.alertId(),
                            escalated.addressedTo(),
                            escalated.clientId(),
                            escalated.escalatedAt());
            case AlertAcknowledged acknowledged ->
                    AlertChanges.acknowledged(
                            acknowledged.alertId(),
                            acknowledged.acknowledgedBy(),
                            acknowledged.clientId(),
                            acknowledged.acknowledgedAt(),
                            grace);
            case RiskResolved resolved ->
                    AlertChanges.resolved(resolved.clientId(), resolved.resolvedAt(), grace);
            case EmergencyAccessGranted granted -> granted(granted);
            case null, default -> Uni.createFrom().voidItem();
        };
    }

    /** Records a grant; the granting service also calls this in the granting transaction. */
    public static Uni<Void> granted(EmergencyAccessGranted granted) {
        return execute(
                """
                insert into access_emergency (grant_id, client_id, username, reason, service, granted_at, expires_at)
                values (:grant, :client, :username, :reason, :service, :granted, :expires)
                on conflict (grant_id) do nothing""",
                Map.of(
                        "grant", granted.grantId(),
                        "client", granted.clientId(),
                        "username", granted.username(),
                        "reason", granted.reason(),
                        "service", granted.service(),
                        "granted", granted.grantedAt(),
                        "expires", granted.expiresAt()));
    }

    /** Runs a statement in the caller's transaction; an empty Optional binds SQL null. */
    static Uni<Void> execute(String sql, Map<String, Object> parameters) {
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

    /**
     * Crisis alerts, applied alike from the inbox or, in risk, which raises them, from its store.
     * An alert's life ends with its acknowledgement: those it was addressed to keep access for the
     * grace period, and so does the clinician who took it; resolving the risk closes what is left.
     */
    public static final class AlertChanges {

        private AlertChanges() {}

        public static Uni<Void> reset() {
            return execute("delete from access_alert", Map.of());
        }

        public static Uni<Void> addressed(UUID alert, String username, UUID client, Instant at) {
            if (username == null) {
                return Uni.createFrom().voidItem();
            }
            return execute(
                    """
                    insert into access_alert (alert_id, username, client_id, opened_at)
                    values (:alert, :username, :client, :at)
                    on conflict (alert_id, username) do nothing""",
                    Map.of("alert", alert, "username", username, "client", client, "at", at));
        }

        public static Uni<Void> acknowledged(
                UUID alert, String by, UUID client, Instant at, Duration grace) {
            return addressed(alert, by, client, at)
                    .call(
                            () ->
                                    execute(
                                            "update access_alert set closes_at = :closes where alert_id = :alert"
                                                    + " and (closes_at is null or closes_at > :closes)",
                                            Map.of("alert", alert, "closes", at.plus(grace))));
        }

        public static Uni<Void> resolved(UUID client, Instant at, Duration grace) {
            return execute(
                    "update access_alert set closes_at = :closes where client_id = :client"
                            + " and (closes_at is null or closes_at > :closes)",
                    Map.of("client", client, "closes", at.plus(grace)));
        }
    }

    /** Treatment's care-team and supervision events, applied alike from the inbox or the store. */
    public static final class CareTeamChanges {

        private CareTeamChanges() {}

        public static boolean concerns(IntegrationEvent event) {
            return event instanceof ClinicianAssigned
                    || event instanceof ClinicianUnassigned
                    || event instanceof ClientDischarged
                    || event instanceof StaffCredentialed;
        }

        public static Uni<Void> reset() {
            return execute("delete from access_care_team", Map.of())
                    .call(() -> execute("delete from access_supervision", Map.of()));
        }

        public static Uni<Void> apply(IntegrationEvent event) {
            return switch (event) {
                case ClinicianAssigned assigned ->
                        execute(
                                """
                                insert into access_care_team (client_id, clinician, role)
                                values (:client, :clinician, :role) on conflict do nothing""",
                                Map.of(
                                        "client", assigned.clientId(),
                                        "clinician", assigned.clinician(),
                                        "role", assigned.role()));
                case ClinicianUnassigned unassigned ->
                        execute(
                                "delete from access_care_team where client_id = :client and clinician = :clinician"
                                        + " and (cast(:role as text) is null or role = :role)",
                                Map.of(
                                        "client", unassigned.clientId(),
                                        "clinician", unassigned.clinician(),
                                        "role", Optional.ofNullable(unassigned.role())));
                case ClientDischarged discharged ->
                        execute(
                                "delete from access_care_team where client_id = :client",
                                Map.of("client", discharged.clientId()));
                case StaffCredentialed staff ->
                        staff.supervisor() == null
                                ? execute(
                                        "delete from access_supervision where username = :username",
                                        Map.of("username", staff.username()))
                                : execute(
                                        """
                                        insert into access_supervision (username, supervisor) values (:username, :supervisor)
                                        on conflict (username) do update set supervisor = excluded.supervisor""",
                                        Map.of(
                                                "username", staff.username(),
                                                "supervisor", staff.supervisor()));
                default -> Uni.createFrom().voidItem();
            };
        }
    }
}
