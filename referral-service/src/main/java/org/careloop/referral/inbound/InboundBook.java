package org.careloop.referral.inbound;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.careloop.platform.eventstore.StoredEvent;
import org.careloop.platform.projection.StoreProjection;

/** Every partner's inbound referrals where they stand, projected from their streams. */
@ApplicationScoped
public class InboundBook implements StoreProjection {

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
        return InboundRecord.deleteAll().replaceWithVoid();
    }

    @Override
    public Uni<Void> apply(StoredEvent stored) {
        return switch (stored.decode(InboundEvent.class)) {
            case InboundEvent.Received r -> received(r);
            case InboundEvent.Accepted a ->
                    decided(a.inboundId())
                            .invoke(
                                    record -> {
                                        record.status = InboundStatus.ACCEPTED.name();
                                        record.decidedAt = a.at();
                                    })
                            .replaceWithVoid();
            case InboundEvent.Declined d ->
                    decided(d.inboundId())
                            .invoke(
                                    record -> {
                                        record.status = InboundStatus.DECLINED.name();
                                        record.decidedAt = d.at();
                                        record.declineReason = d.reason();
                                    })
                            .replaceWithVoid();
        };
    }

    /** The partner's own inbound referral, or null (another partner's is not found either). */
    public Uni<InboundRecord> find(String partnerId, UUID inboundId) {
        return InboundRecord.<InboundRecord>findById(inboundId)
                .map(found -> found != null && found.partnerId.equals(partnerId) ? found : null);
    }

    /** The partner's own inbound referrals, newest first. */
    public Uni<List<InboundRecord>> of(String partnerId) {
        return InboundRecord.list("partnerId = ?1 order by receivedAt desc, inboundId", partnerId);
    }

    private Uni<Void> received(InboundEvent.Received r) {
        InboundRecord record = new InboundRecord();
        record.inboundId = r.inboundId();
        record.partnerId = r.partnerId();
        record.partnerReference = r.partnerReference();
        record.firstName = r.firstName();
        record.lastName = r.lastName();
        record.dateOfBirth = r.dateOfBirth();
        record.phone = r.phone();
        record.email = r.email();
        record.preferredLanguage = r.preferredLanguage();
        record.serviceRequested = r.serviceRequested();
        record.reason = r.reason();
        record.urgency = r.urgency().name();
        record.status = InboundStatus.RECEIVED.name();
        record.receivedAt = r.at();
        return Panache.getSession().flatMap(session -> session.persist(record));
    }

    private static Uni<InboundRecord> decided(UUID inboundId) {
        return InboundRecord.<InboundRecord>findById(inboundId)
                .onItem()
                .ifNull()
                .failWith(() -> new IllegalStateException("no inbound referral " + inboundId));
    }
}
