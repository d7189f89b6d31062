package org.careloop.platform.command;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.careloop.platform.eventstore.EventStore;
import org.careloop.platform.eventstore.StoredEvent;
import org.careloop.platform.eventstore.StreamId;
import org.careloop.platform.projection.StoreProjection;

/**
 * The one command path of every service: load the stream, decide (a pure function), then append the
 * decision's events and their outbox entries and apply them to the read models of that stream type,
 * all in the caller's transaction. Work that must follow the commit (announcing on a live stream,
 * say) is the caller's, after its transaction.
 *
 * <p>Read models are written only here and by a rebuild, through the same projection code, so a
 * rebuilt read model is the one the commands kept.
 */
@ApplicationScoped
public class Commands {

    private final EventStore store;

    /** The read models of each stream type, looked up once rather than on every command. */
    private final Map<String, List<StoreProjection>> projections;

    Commands(EventStore store, Instance<StoreProjection> projections) {
        this.store = store;
        this.projections =
                projections.stream().collect(Collectors.groupingBy(StoreProjection::streamType));
    }

    /** The stream's events, decoded as the given sealed family of domain events. */
    public <E> Uni<History<E>> load(StreamId stream, Class<E> family) {
        return store.load(stream)
                .map(
                        stored ->
                                new History<>(
                                        stream,
                                        stored.stream().map(e -> e.decode(family)).toList()));
    }

    /**
     * Loads, decides and records; a decision with no events records nothing. Must run inside a
     * transaction.
     */
    public <E> Uni<Recorded<E>> handle(
            StreamId stream,
            Class<E> family,
            Function<History<E>, Decision<E>> decide,
            String actor) {
        return load(stream, family)
                .flatMap(history -> record(history, decide.apply(history), actor));
    }

    /**
     * Records a decision taken on {@code history}; fails with a conflict when the stream moved on
     * meanwhile.
     */
    public <E> Uni<Recorded<E>> record(History<E> history, Decision<E> decision, String actor) {
        if (decision.isEmpty()) {
            return Uni.createFrom().item(new Recorded<>(history, decision, List.of()));
        }
        return store.append(
                        history.stream(),
                        history.version(),
                        decision.events(),
                        decision.publish(),
                        actor)
                .call(stored -> project(history.stream().type(), stored))
                .map(stored -> new Recorded<>(history, decision, stored));
    }

    private Uni<Void> project(String streamType, List<StoredEvent> appended) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (StoreProjection projection : projections.getOrDefault(streamType, List.of())) {
            for (StoredEvent event : appended) {
                chain = chain.call(() -> projection.apply(event));
            }
        }
        return chain;
    }

    /** A recorded decision: the history it was taken on, the decision, and the stored events. */
    public record Recorded<E>(History<E> before, Decision<E> decision, List<StoredEvent> stored) {

        public int version() {
            return before.version() + decision.events().size();
        }
    }
}
