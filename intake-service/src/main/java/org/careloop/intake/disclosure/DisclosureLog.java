package org.careloop.intake.disclosure;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.careloop.contracts.access.RecordDisclosed;
import org.careloop.platform.access.AccessEventsProjection;
import org.careloop.platform.inbox.ReceivedEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Each client's accounting of disclosures, from the RecordDisclosed events every disclosing service
 * publishes on {@code access.events}; rebuilt from the inbox history of intake's consumer.
 */
@ApplicationScoped
public class DisclosureLog implements AccessEventsProjection {

    private final String consumer;

    DisclosureLog(@ConfigProperty(name = "quarkus.application.name") String consumer) {
        this.consumer = consumer;
    }

    @Override
    public String name() {
        return "disclosures";
    }

    @Override
    public String table() {
        return "disclosure_log";
    }

    @Override
    public String consumer() {
        return consumer;
    }

    @Override
    public Uni<Void> reset() {
        return DisclosureRecord.deleteAll().replaceWithVoid();
    }

    @Override
    public Uni<Void> apply(ReceivedEvent received) {
        if (!(received.event().orElse(null) instanceof RecordDisclosed disclosed)) {
            return Uni.createFrom().voidItem();
        }
        // A disclosure published again under a new event id is the same disclosure: kept once.
        return DisclosureRecord.<DisclosureRecord>findById(disclosed.disclosureId())
                .flatMap(
                        known ->
                                known != null
                                        ? Uni.createFrom().voidItem()
                                        : Panache.getSession()
                                                .flatMap(
                                                        session ->
                                                                session.persist(
                                                                        record(disclosed))));
    }

    private static DisclosureRecord record(RecordDisclosed event) {
        DisclosureRecord record = new DisclosureRecord();
        record.disclosureId = event.disclosureId();
        record.clientId = event.clientId();
        record.recipient = event.recipient();
        record.purpose = event.purpose();
        record.part2 = event.part2();
        record.consentId = event.consentId();
        record.what = event.what();
        record.redisclosureNotice = event.redisclosureNotice();
        record.disclosedAt = event.disclosedAt();
        record.disclosedBy = event.disclosedBy();
        record.service = event.service();
        return record;
    }

    /** The client's disclosures, newest first. */
    public Uni<List<DisclosureRecord>> of(UUID clientId) {
        return DisclosureRecord.list(
                "clientId = ?1 order by disclosedAt desc, disclosureId", clientId);
    }
}
