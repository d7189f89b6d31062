package org.careloop.risk.access;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.careloop.platform.access.AccessPolicy;
import org.careloop.platform.access.Relations.AlertChanges;
import org.careloop.platform.eventstore.StoredEvent;
import org.careloop.platform.projection.StoreProjection;
import org.careloop.risk.alert.AlertEvent;

/**
 * Who a crisis alert lets see its client, kept in the transaction that raises, escalates or
 * acknowledges it: the on-call clinician it pages can open the client at once.
 */
@ApplicationScoped
public class AlertAccess implements StoreProjection {

    private final AccessPolicy policy;

    AlertAccess(AccessPolicy policy) {
        this.policy = policy;
    }

    @Override
    public String name() {
        return "alert-access";
    }

    @Override
    public String table() {
        return "access_alert";
    }

    @Override
    public String streamType() {
        return AlertEvent.STREAM;
    }

    @Override
    public Uni<Void> reset() {
        return AlertChanges.reset();
    }

    @Override
    public Uni<Void> apply(StoredEvent stored) {
        return switch (stored.decode(AlertEvent.class)) {
            case AlertEvent.Raised r ->
                    AlertChanges.addressed(
                            r.alertId(), r.addressedTo(), r.clientId(), r.raisedAt());
            case AlertEvent.Escalated e ->
                    AlertChanges.addressed(
                            e.alertId(), e.addressedTo(), e.clientId(), e.escalatedAt());
            case AlertEvent.Acknowledged a ->
                    AlertChanges.acknowledged(
                            a.alertId(),
                            a.acknowledgedBy(),
                            a.clientId(),
                            a.acknowledgedAt(),
                            policy.alertGrace());
            case AlertEvent.Exhausted x -> Uni.createFrom().voidItem();
        };
    }
}
