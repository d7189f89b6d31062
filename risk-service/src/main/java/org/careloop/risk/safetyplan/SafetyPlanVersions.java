package org.careloop.risk.safetyplan;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.careloop.contracts.codec.EventJson;
import org.careloop.platform.eventstore.StoredEvent;
import org.careloop.platform.projection.StoreProjection;

/** Every version of every client's safety plan, projected from the safety-plan streams. */
@ApplicationScoped
public class SafetyPlanVersions implements StoreProjection {

    static final String STREAM = "safety-plan";

    @Override
    public String name() {
        return "safety-plans";
    }

    @Override
    public String table() {
        return "safety_plan_version";
    }

    @Override
    public String streamType() {
        return STREAM;
    }

    @Override
    public Uni<Void> reset() {
        return SafetyPlanVersion.deleteAll().replaceWithVoid();
    }

    @Override
    public Uni<Void> apply(StoredEvent stored) {
        SafetyPlanRevised revised = stored.decode(SafetyPlanRevised.class);
        SafetyPlanVersion row = new SafetyPlanVersion();
        row.clientId = revised.clientId();
        row.version = revised.version();
        row.sections = EventJson.encode(revised.sections());
        row.revisedBy = revised.revisedBy();
        row.revisedAt = revised.revisedAt();
        return row.persist().replaceWithVoid();
    }

    public Uni<SafetyPlanVersion> current(UUID clientId) {
        return SafetyPlanVersion.find("clientId = ?1 order by version desc", clientId)
                .firstResult();
    }

    public Uni<List<SafetyPlanVersion>> all(UUID clientId) {
        return SafetyPlanVersion.list("clientId = ?1 order by version", clientId);
    }

    public Uni<Long> count(UUID clientId) {
        return SafetyPlanVersion.count("clientId", clientId);
    }
}
