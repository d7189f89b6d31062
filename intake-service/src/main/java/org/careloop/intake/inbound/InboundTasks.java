package org.careloop.intake.inbound;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.careloop.platform.eventstore.StoredEvent;
import org.careloop.platform.projection.StoreProjection;

/** Intake's list of inbound referrals to work, projected from their streams. */
@ApplicationScoped
public class InboundTasks implements StoreProjection {

    @Override
    public String name() {
        return "inbound-referrals";
    }

    @Override
    public String table() {
        return "inbound_referral";
    }

    @Override
    public String streamType() {
        return InboundEvent.STREAM;
    }

    @Override
    public Uni<Void> reset() {
        return InboundTask.deleteAll().replaceWithVoid();
    }

    @Override
    public Uni<Void> apply(StoredEvent stored) {
        return switch (stored.decode(InboundEvent.class)) {
            case InboundEvent.Received r -> received(r);
            case InboundEvent.Accepted a ->
                    task(a.inboundId())
                            .invoke(
                                    task -> {
                                        task.status = InboundStatus.ACCEPTED.name();
                                        task.clientId = a.clientId();
                                        task.decidedAt = a.at();
                                        task.decidedBy = a.by();
                                    })
                            .replaceWithVoid();
            case InboundEvent.Declined d ->
                    task(d.inboundId())
                            .invoke(
                                    task -> {
                                        task.status = InboundStatus.DECLINED.name();
                                        task.declineReason = d.reason();
                                        task.decidedAt = d.at();
                                        task.decidedBy = d.by();
                                    })
                            .replaceWithVoid();
        };
    }

    public Uni<InboundTask> find(UUID inboundId) {
        return InboundTask.findById(inboundId);
    }

    /**
     * Most urgent first (EMERGENT, URGENT, ROUTINE), then oldest first; all when status is null.
     */
    public Uni<List<InboundTask>> list(InboundStatus status) {
        String order = " order by urgencyRank, receivedAt, inboundId";
        return status == null
                ? InboundTask.list("from InboundTask" + order)
                : InboundTask.list("status = ?1" + order, status.name());
    }

    private Uni<Void> received(InboundEvent.Received r) {
        InboundTask task = new InboundTask();
        task.inboundId = r.inboundId();
        task.partnerId = r.partnerId();
        task.partnerName = r.partnerName();
        task.partnerReference = r.partnerReference();
        task.firstName = r.firstName();
        task.lastName = r.lastName();
        task.dateOfBirth = r.dateOfBirth();
        task.phone = r.phone();
        task.email = r.email();
        task.preferredLanguage = r.preferredLanguage();
        task.serviceRequested = r.serviceRequested();
        task.reason = r.reason();
        task.urgency = r.urgency().name();
        task.urgencyRank = r.urgency().ordinal();
        task.status = InboundStatus.OPEN.name();
        task.receivedAt = r.receivedAt();
        return Panache.getSession().flatMap(session -> session.persist(task));
    }

    private static Uni<InboundTask> task(UUID inboundId) {
        return InboundTask.<InboundTask>findById(inboundId)
                .onItem()
                .ifNull()
                .failWith(() -> new IllegalStateException("no inbound referral " + inboundId));
    }
}
