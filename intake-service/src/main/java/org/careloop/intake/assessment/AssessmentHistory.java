package org.careloop.intake.assessment;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.careloop.contracts.codec.EventJson;
import org.careloop.platform.eventstore.StoredEvent;
import org.careloop.platform.projection.StoreProjection;

/**
 * Each client's assessments, newest first; updated with each append and rebuildable from the event
 * store.
 */
@ApplicationScoped
public class AssessmentHistory implements StoreProjection {

    @Override
    public String name() {
        return "assessments";
    }

    @Override
    public String table() {
        return "assessment_history";
    }

    @Override
    public String streamType() {
        return AssessmentEvent.STREAM;
    }

    @Override
    public Uni<Void> reset() {
        return AssessmentRecord.deleteAll().replaceWithVoid();
    }

    @Override
    public Uni<Void> apply(StoredEvent stored) {
        return apply(stored.decode(AssessmentEvent.class));
    }

    Uni<Void> apply(AssessmentEvent event) {
        AssessmentEvent.AssessmentCompleted completed = (AssessmentEvent.AssessmentCompleted) event;
        AssessmentRecord record = new AssessmentRecord();
        record.assessmentId = completed.assessmentId();
        record.clientId = completed.clientId();
        record.instrument = completed.instrument();
        record.administeredAt = completed.administeredAt();
        record.riskLevel = completed.riskLevel() == null ? null : completed.riskLevel().name();
        record.detail = EventJson.encode(completed);
        return Panache.getSession().flatMap(session -> session.persist(record));
    }

    public Uni<List<AssessmentEvent.AssessmentCompleted>> of(UUID clientId) {
        return AssessmentRecord.<AssessmentRecord>list(
                        "clientId = ?1 order by administeredAt desc", clientId)
                .map(
                        records ->
                                records.stream()
                                        .map(
                                                r ->
                                                        EventJson.read(
                                                                r.detail,
                                                                AssessmentEvent.AssessmentCompleted
                                                                        .class))
                                        .toList());
    }
}
