package org.careloop.platform.eventstore;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.careloop.contracts.EventCatalog;
import org.careloop.contracts.IntegrationEvent;
import org.careloop.contracts.codec.EventJson;
import org.careloop.platform.outbox.OutboxEntry;

/**
 * A service's own event store. Appending a stream's new events and the integration events they give
 * rise to happens in the caller's transaction, so either all of them are stored and will be
 * published, or none. Commands append through {@code Commands}, which also brings the read models
 * in step.
 */
@ApplicationScoped
public class EventStore {

    private final Clock clock;

    EventStore(Clock clock) {
        this.clock = clock;
    }

    /** The number of events in the stream; 0 for a stream that does not exist yet. */
    public Uni<Integer> version(StreamId stream) {
        return Panache.getSession()
                .flatMap(
                        session ->
                                session.createQuery(
                                                "select coalesce(max(e.version), 0) from StoredEvent e"
                                                        + " where e.streamType = :type and e.streamId = :id",
                                                Integer.class)
                                        .setParameter("type", stream.type())
                                        .setParameter("id", stream.id())
                                        .getSingleResult());
    }

    public Uni<List<StoredEvent>> load(StreamId stream) {
        return StoredEvent.list(
                "streamType = ?1 and streamId = ?2 order by version", stream.type(), stream.id());
    }

    /**
     * Events of one stream type after a global position, oldest first: the history a projection is
     * rebuilt from.
     */
    public Uni<List<StoredEvent>> readAfter(String streamType, long position, int limit) {
        return StoredEvent.find(
                        "streamType = ?1 and position > ?2 order by position", streamType, position)
                .range(0, limit - 1)
                .list();
    }

    /**
     * Appends to a stream the caller read at {@code expectedVersion} and queues {@code publish} for
     * Kafka. Fails with {@link ConcurrencyConflict} when the stream moved on in between. Must run
     * inside a transaction. Returns the stored events, oldest first.
     */
    public Uni<List<StoredEvent>> append(
            StreamId stream,
            int expectedVersion,
            List<?> events,
            List<? extends IntegrationEvent> publish,
            String actor) {
        return version(stream)
                .flatMap(
                        actual -> {
                            if (actual != expectedVersion) {
                                return Uni.createFrom()
                                        .failure(
                                                new ConcurrencyConflict(
                                                        stream, expectedVersion, actual));
                            }
                            Instant now = clock.instant();
                            List<StoredEvent> appended = new ArrayList<>();
                            List<Object> rows = new ArrayList<>();
                            int version = expectedVersion;
                            for (Object event : events) {
                                StoredEvent stored = stored(stream, ++version, event, actor, now);
                                appended.add(stored);
                                rows.add(stored);
                            }
                            for (IntegrationEvent event : publish) {
                                rows.add(OutboxEntry.of(event, now));
                            }
                            return Panache.getSession()
                                    .flatMap(
                                            session ->
                                                    session.persistAll(rows.toArray())
                                                            .call(session::flush))
                                    .onFailure(EventStore::isVersionClash)
                                    .transform(e -> new ConcurrencyConflict(stream))
                                    .replaceWith(appended);
                        });
    }

    private static StoredEvent stored(
            StreamId stream, int version, Object event, String actor, Instant now) {
        StoredEvent stored = new StoredEvent();
        stored.streamType = stream.type();
        stored.streamId = stream.id();
        stored.version = version;
        stored.eventId = UUID.randomUUID();
        stored.eventType = EventCatalog.typeOf(event.getClass());
        stored.payload = EventJson.encode(event);
        stored.actor = actor;
        stored.recordedAt = now;
        return stored;
    }

    private static boolean isVersionClash(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("event_store_stream_version")) {
                return true;
            }
        }
        return false;
    }
}
