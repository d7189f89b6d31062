package org.careloop.platform.eventstore;

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
import org.careloop.contracts.codec.EventJson;

/** One domain event in a service's own event store. Never updated, never deleted. */
@Entity
@Table(name = "event_store")
public class StoredEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long position;

    @Column(name = "stream_type", nullable = false, updatable = false)
    public String streamType;

    @Column(name = "stream_id", nullable = false, updatable = false)
    public String streamId;

    @Column(nullable = false, updatable = false)
    public int version;

    @Column(name = "event_id", nullable = false, updatable = false)
    public UUID eventId;

    @Column(name = "event_type", nullable = false, updatable = false)
    public String eventType;

    @Column(nullable = false, updatable = false)
    public String payload;

    @Column(updatable = false)
    public String actor;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;

    /**
     * The domain event, as the permitted subtype of the sealed {@code family} whose
     * {@code @EventType} is this row's type (or as {@code family} itself, for a stream of one kind
     * of event).
     */
    public <T> T decode(Class<T> family) {
        Class<?>[] candidates =
                family.isSealed() ? family.getPermittedSubclasses() : new Class<?>[] {family};
        for (Class<?> candidate : candidates) {
            if (EventCatalog.typeOf(candidate).equals(eventType)) {
                return family.cast(EventJson.read(payload, candidate));
            }
        }
        throw new IllegalStateException(
                "event " + eventId + " of type " + eventType + " is not a " + family.getName());
    }
}
