package org.careloop.platform.projection;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.careloop.contracts.Upcasters;
import org.careloop.contracts.codec.MalformedEventException;
import org.careloop.platform.eventstore.EventStore;
import org.careloop.platform.eventstore.StoredEvent;
import org.careloop.platform.inbox.InboxEntry;
import org.careloop.platform.inbox.ReceivedEvent;
import org.jboss.logging.Logger;

/**
 * Drops a projection and replays its history into it, in one transaction. Only the read model's own
 * table is locked, against readers and writers alike: a command or consumer that would read or
 * change it waits (its event not yet committed, so not in the replay) and then applies its event to
 * the rebuilt table; one that got there first is waited for (its event then in the replay). So no
 * event is applied twice or missed, no command decides on a row the rebuild replaced, and the event
 * store and every other read model stay open for the whole rebuild.
 */
@ApplicationScoped
public class ProjectionRebuilder {

    private static final Logger LOG = Logger.getLogger(ProjectionRebuilder.class);
    private static final int PAGE = 500;

    private final Instance<Projection> projections;
    private final EventStore eventStore;
    private final Clock clock;
    private final Upcasters upcasters;

    ProjectionRebuilder(
            Instance<Projection> projections,
            EventStore eventStore,
            Clock clock,
            Upcasters upcasters) {
        this.projections = projections;
        this.eventStore = eventStore;
        this.clock = clock;
        this.upcasters = upcasters;
    }

    public List<String> names() {
        return projections.stream().map(Projection::name).sorted().toList();
    }

    public Optional<Projection> find(String name) {
        return projections.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Uni<RebuildReport> rebuild(Projection projection) {
        Instant started = clock.instant();
        return Panache.withTransaction(
                        () ->
                                lockReadModel(projection)
                                        .call(projection::reset)
                                        .flatMap(ignored -> replay(projection, 0L, 0L)))
                .map(
                        count -> {
                            Duration took = Duration.between(started, clock.instant());
                            LOG.infof(
                                    "rebuilt projection %s from %d events in %d ms",
                                    projection.name(), count, took.toMillis());
                            return new RebuildReport(projection.name(), count, took.toMillis());
                        });
    }

    private Uni<Integer> lockReadModel(Projection projection) {
        return Panache.getSession()
                .flatMap(
                        session ->
                                session.createNativeQuery(
                                                "lock table "
                                                        + projection.table()
                                                        + " in access exclusive mode")
                                        .executeUpdate());
    }

    private Uni<Long> replay(Projection projection, long after, long done) {
        if (projection instanceof InboxProjection inbox) {
            return InboxEntry.<InboxEntry>find(
                            "consumer = ?1 and position > ?2 order by position",
                            inbox.consumer(),
                            after)
                    .range(0, PAGE - 1)
                    .list()
                    .flatMap(
                            page ->
                                    applyPage(
                                            projection,
                                            page,
                                            e -> e.position,
                                            entry -> applyKnown(inbox, received(entry)),
                                            done));
        }
        StoreProjection store = (StoreProjection) projection;
        return eventStore
                .readAfter(store.streamType(), after, PAGE)
                .flatMap(
                        page ->
                                applyPage(
                                        projection,
                                        page,
                                        (StoredEvent e) -> e.position,
                                        store::apply,
                                        done));
    }

    private <T> Uni<Long> applyPage(
            Projection projection,
            List<T> page,
            Function<T, Long> position,
            Function<T, Uni<Void>> apply,
            long done) {
        if (page.isEmpty()) {
            return Uni.createFrom().item(done);
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (T event : page) {
            chain = chain.call(() -> apply.apply(event));
        }
        long last = position.apply(page.get(page.size() - 1));
        // Each page is written out and let go of: a session holding every replayed row would check
        // them all for
        // changes at each query, and a rebuild would slow down as it goes.
        return chain.call(
                        () ->
                                Panache.getSession()
                                        .flatMap(session -> session.flush().invoke(session::clear)))
                .flatMap(
                        ignored ->
                                page.size() < PAGE
                                        ? Uni.createFrom().item(done + page.size())
                                        : replay(projection, last, done + page.size()));
    }

    private static Uni<Void> applyKnown(InboxProjection projection, ReceivedEvent event) {
        return event.event().isPresent() ? projection.apply(event) : Uni.createFrom().voidItem();
    }

    private ReceivedEvent received(InboxEntry entry) {
        try {
            return entry.toReceived(upcasters);
        } catch (MalformedEventException e) {
            throw new IllegalStateException(
                    "inbox entry " + entry.position + " no longer reads: " + e.getMessage(), e);
        }
    }

    /** What a rebuild did, as the admin endpoint reports it. */
    public record RebuildReport(String projection, long eventsProcessed, long millis) {}
}
