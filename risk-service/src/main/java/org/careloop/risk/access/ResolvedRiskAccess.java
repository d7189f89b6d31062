package org.careloop.risk.access;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.careloop.platform.access.AccessPolicy;
import org.careloop.platform.access.Relations.AlertChanges;
import org.careloop.platform.eventstore.StoredEvent;
import org.careloop.platform.projection.StoreProjection;
import org.careloop.risk.risklevel.RiskEvent;

/**
 * Resolving a client's risk closes what access their alerts still hold open, after the grace. It
 * only closes rows {@link AlertAccess} keeps: rebuild it after that one.
 */
@ApplicationScoped
public class ResolvedRiskAccess implements StoreProjection {

    private final AccessPolicy policy;

    ResolvedRiskAccess(AccessPolicy policy) {
        this.policy = policy;
    }

    @Override
    public String name() {
        return "resolved-risk-access";
    }

    @Override
    public String table() {
        return "access_alert";
    }

    @Override
    public String streamType() {
        return RiskEvent.STREAM;
    }

    @Override
    public Uni<Void> reset() {
        // The alert streams rebuild the rows; resolutions only close them.
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Void> apply(StoredEvent stored) {
        if (stored.decode(RiskEvent.class) instanceof RiskEvent.Resolved resolved) {
            return AlertChanges.resolved(
                    resolved.clientId(), resolved.resolvedAt(), policy.alertGrace());
        }
        return Uni.createFrom().voidItem();
    }
}
