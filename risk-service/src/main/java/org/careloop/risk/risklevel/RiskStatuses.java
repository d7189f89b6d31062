package org.careloop.risk.risklevel;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.careloop.platform.eventstore.StoredEvent;
import org.careloop.platform.projection.StoreProjection;

/** Each client's current risk level and open episode, projected from the clients' risk streams. */
@ApplicationScoped
public class RiskStatuses implements StoreProjection {

    @Override
    public String name() {
        return "risk-status";
    }

    @Override
    public String table() {
        return "risk_status";
    }

    @Override
    public String streamType() {
        return RiskEvent.STREAM;
    }

    @Override
    public Uni<Void> reset() {
        return RiskStatus.deleteAll().replaceWithVoid();
    }

    public Uni<RiskStatus> of(UUID clientId) {
        return RiskStatus.findById(clientId);
    }

    @Override
    public Uni<Void> apply(StoredEvent stored) {
        RiskEvent event = stored.decode(RiskEvent.class);
        UUID clientId = event.clientId();
        return RiskStatus.<RiskStatus>findById(clientId)
                .flatMap(
                        found -> {
                            RiskStatus status = found == null ? new RiskStatus() : found;
                            status.clientId = clientId;
                            switch (event) {
                                case RiskEvent.LevelChanged changed -> {
                                    if (changed.level() != changed.previousLevel()
                                            || status.level == null) {
                                        status.levelSince = changed.changedAt();
                                    }
                                    status.level = changed.level().name();
                                    status.rank = changed.level().ordinal();
                                    status.reason = changed.reason();
                                }
                                case RiskEvent.Escalated escalated ->
                                        status.episodeId = escalated.episodeId();
                                case RiskEvent.Resolved resolved -> status.episodeId = null;
                            }
                            return found == null
                                    ? status.persist().replaceWithVoid()
                                    : Uni.createFrom().voidItem();
                        });
    }
}
