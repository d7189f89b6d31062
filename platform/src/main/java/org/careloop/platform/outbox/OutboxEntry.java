package org.careloop.platform.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.careloop.contracts.EventCatalog;
import org.careloop.contracts.IntegrationEvent;
import org.careloop.contracts.codec.EventJson;

/**
 * An integration event waiting to be published, written in the same transaction as the change it
 * reports.
 */
@Entity
@Table(name = "outbox")
public class OutboxEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false, updatable = false)
    public UUID eventId;

    @Column(nullable = false, updatable = false)
    public String topic;

    @Column(name = "message_key", nullable = false, updatable = false)
    public String messageKey;

    @Column(name = "event_type", nullable = false, updatable = false)
    public String eventType;

    @Column(nullable = false, updatable = false)
    public String payload;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    public Instant occurredAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    public static OutboxEntry of(IntegrationEvent event, Instant now) {
        OutboxEntry entry = new OutboxEntry();
        entry.eventId = UUID.randomUUID();
        entry.eventType = EventCatalog.typeOf(event.getClass());
        entry.topic = EventCatalog.topicOf(entry.eventType);
        entry.messageKey = event.key();
        entry.payload = EventJson.encode(event);
        entry.occurredAt = now;
        return entry;
    }
}
