package org.careloop.treatment.emergency;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.careloop.platform.eventstore.StoredEvent;
import org.careloop.platform.projection.StoreProjection;

/** Which emergency accesses have been reviewed, and the finding; from the review streams. */
@ApplicationScoped
public class EmergencyReviews implements StoreProjection {

    @Override
    public String name() {
        return "emergency-access-reviews";
    }

    @Override
    public String table() {
        return "emergency_access_review";
    }

    @Override
    public String streamType() {
        return ReviewEvent.STREAM;
    }

    @Override
    public Uni<Void> reset() {
        return Panache.getSession()
                .flatMap(
                        s ->
                                s.createNativeQuery("delete from emergency_access_review")
                                        .executeUpdate())
                .replaceWithVoid();
    }

    @Override
    public Uni<Void> apply(StoredEvent stored) {
        if (!(stored.decode(ReviewEvent.class) instanceof ReviewEvent.Reviewed reviewed)) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession()
                .flatMap(
                        session ->
                                session.createNativeQuery(
                                                """
                                                insert into emergency_access_review
                                                    (grant_id, client_id, finding, note, reviewed_by, reviewed_at)
                                                values (:grant, :client, :finding, :note, :by, :at)""")
                                        .setParameter("grant", reviewed.grantId())
                                        .setParameter("client", reviewed.clientId())
                                        .setParameter("finding", reviewed.finding().name())
                                        .setParameter("note", reviewed.note())
                                        .setParameter("by", reviewed.reviewedBy())
                                        .setParameter("at", reviewed.reviewedAt())
                                        .executeUpdate())
                .replaceWithVoid();
    }
}
