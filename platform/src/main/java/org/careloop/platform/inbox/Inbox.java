package org.careloop.platform.inbox;

import java.time.Clock;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careloop.contracts.codec.MalformedEventException;
import org.jboss.logging.Logger;

/**
 * Idempotent receipt of integration events. The (consumer, event id) row and the projection change commit in one
 * transaction, so a redelivered event has no second effect; the Kafka offset is acknowledged only after that commit.
 * A message that cannot be read fails the returned Uni, which sends it to the consumer's dead-letter topic.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final Clock clock;

    Inbox(Clock clock) {
        this.clock = clock;
    }

    public Uni<Void> receive(String consumer, ConsumerRecord<String, String> record,
            Function<ReceivedEvent, Uni<Void>> apply) {
        ReceivedEvent event;
        try {
            event = ReceivedEvent.from(record);
        } catch (MalformedEventException e) {
            LOG.warnf("dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
            return Uni.createFrom().failure(e);
        }
        return Panache.withTransaction(() -> record(consumer, event)
                .flatMap(first -> first && event.event().isPresent() ? apply.apply(event) : Uni.createFrom().voidItem()));
    }

    /** True when this is the first time the consumer sees the event. */
    private Uni<Boolean> record(String consumer, ReceivedEvent event) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                insert into inbox (consumer, event_id, event_type, source, subject, payload, occurred_at, received_at)
                values (:consumer, :eventId, :type, :source, :subject, :payload, :occurredAt, :receivedAt)
                on conflict (consumer, event_id) do nothing""")
                .setParameter("consumer", consumer)
                .setParameter("eventId", event.eventId())
                .setParameter("type", event.type())
                .setParameter("source", event.source())
                .setParameter("subject", event.subject())
                .setParameter("payload", event.payload())
                .setParameter("occurredAt", event.occurredAt())
                .setParameter("receivedAt", clock.instant())
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
