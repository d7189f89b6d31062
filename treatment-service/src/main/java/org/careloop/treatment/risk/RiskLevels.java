package org.careloop.treatment.risk;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import org.careloop.contracts.risk.RiskLevelChanged;
import org.careloop.platform.inbox.ReceivedEvent;
import org.careloop.platform.projection.InboxProjection;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Each client's current risk level, from risk-service's RiskLevelChanged, for the caseload. */
@ApplicationScoped
public class RiskLevels implements InboxProjection {

    private final String consumer;

    RiskLevels(@ConfigProperty(name = "quarkus.application.name") String consumer) {
        this.consumer = consumer;
    }

    @Override
    public String name() {
        return "risk-levels";
    }

    @Override
    public String table() {
        return "client_risk";
    }

    @Override
    public String consumer() {
        return consumer;
    }

    @Override
    public Uni<Void> reset() {
        return ClientRisk.deleteAll().replaceWithVoid();
    }

    public Uni<List<ClientRisk>> of(Collection<java.util.UUID> clients) {
        return ClientRisk.list("clientId in ?1", clients);
    }

    @Override
    public Uni<Void> apply(ReceivedEvent received) {
        if (!(received.event().orElse(null) instanceof RiskLevelChanged changed)) {
            return Uni.createFrom().voidItem();
        }
        return ClientRisk.<ClientRisk>findById(changed.clientId())
                .flatMap(
                        found -> {
                            if (found != null
                                    && found.changedAt != null
                                    && found.changedAt.isAfter(changed.changedAt())) {
                                return Uni.createFrom().voidItem();
                            }
                            ClientRisk risk = found == null ? new ClientRisk() : found;
                            risk.clientId = changed.clientId();
                            risk.level = changed.level();
                            risk.reason = changed.reason();
                            risk.changedAt = changed.changedAt();
                            return found == null
                                    ? risk.persist().replaceWithVoid()
                                    : Uni.createFrom().voidItem();
                        });
    }
}
