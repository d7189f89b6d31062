package org.careloop.risk.policy;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.careloop.contracts.codec.EventJson;
import org.careloop.platform.eventstore.StoredEvent;
import org.careloop.platform.projection.StoreProjection;

/** The supervisors' ladders in force, projected from the escalation-policy streams. */
@ApplicationScoped
public class Ladders implements StoreProjection {

    @Override
    public String name() {
        return "escalation-policies";
    }

    @Override
    public String table() {
        return "escalation_policy";
    }

    @Override
    public String streamType() {
        return LadderEvent.STREAM;
    }

    @Override
    public Uni<Void> reset() {
        return PolicyRecord.deleteAll().replaceWithVoid();
    }

    @Override
    public Uni<Void> apply(StoredEvent stored) {
        LadderEvent event = stored.decode(LadderEvent.class);
        if (event instanceof LadderEvent.LadderSet set) {
            return PolicyRecord.<PolicyRecord>findById(set.priority().name())
                    .flatMap(
                            found -> {
                                PolicyRecord record = found == null ? new PolicyRecord() : found;
                                record.priority = set.priority().name();
                                record.steps = EventJson.encode(set.steps());
                                record.updatedBy = set.setBy();
                                record.updatedAt = set.setAt();
                                return found == null
                                        ? record.persist().replaceWithVoid()
                                        : Uni.createFrom().voidItem();
                            });
        }
        LadderEvent.LadderReset reset = (LadderEvent.LadderReset) event;
        return PolicyRecord.deleteById(reset.priority().name()).replaceWithVoid();
    }
}
