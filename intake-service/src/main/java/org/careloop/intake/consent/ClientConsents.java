package org.careloop.intake.consent;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.careloop.platform.eventstore.StoredEvent;
import org.careloop.platform.projection.JsonColumns;
import org.careloop.platform.projection.StoreProjection;

/**
 * Intake's read model of its clients' consents, updated in the same transaction as each append and
 * rebuildable from the consent streams of the event store.
 */
@ApplicationScoped
public class ClientConsents implements StoreProjection {

    @Override
    public String name() {
        return "consents";
    }

    @Override
    public String table() {
        return "client_consent";
    }

    @Override
    public String streamType() {
        return ConsentEvent.STREAM;
    }

    @Override
    public Uni<Void> reset() {
        return ConsentRecord.deleteAll().replaceWithVoid();
    }

    @Override
    public Uni<Void> apply(StoredEvent stored) {
        return apply(stored.decode(ConsentEvent.class), stored.version);
    }

    Uni<Void> apply(ConsentEvent event, int version) {
        return switch (event) {
            case ConsentEvent.Recorded recorded -> {
                ConsentRecord consent = new ConsentRecord();
                consent.consentId = recorded.consentId();
                consent.clientId = recorded.clientId();
                consent.kind = recorded.kind();
                consent.recipient = recorded.recipient();
                consent.purposes = JsonColumns.write(recorded.purposes());
                consent.coversPart2 = recorded.coversPart2();
                consent.effectiveOn = recorded.effectiveOn();
                consent.expiresOn = recorded.expiresOn();
                consent.recordedAt = recorded.recordedAt();
                consent.recordedBy = recorded.recordedBy();
                consent.version = version;
                yield Panache.getSession().flatMap(session -> session.persist(consent));
            }
            case ConsentEvent.Revoked revoked ->
                    ConsentRecord.<ConsentRecord>findById(revoked.consentId())
                            .invoke(
                                    consent -> {
                                        consent.revokedAt = revoked.revokedAt();
                                        consent.revokedBy = revoked.revokedBy();
                                        consent.revocationReason = revoked.reason();
                                        consent.version = version;
                                    })
                            .replaceWithVoid();
        };
    }

    public Uni<ConsentRecord> find(UUID consentId) {
        return ConsentRecord.findById(consentId);
    }

    /** The client's consents, most recently recorded first. */
    public Uni<List<ConsentRecord>> of(UUID clientId) {
        return ConsentRecord.list("clientId = ?1 order by recordedAt desc, consentId", clientId);
    }
}
