package org.careloop.intake.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.careloop.platform.eventstore.ConcurrencyConflict;
import org.careloop.platform.eventstore.EventStore;
import org.careloop.platform.eventstore.StoredEvent;
import org.careloop.platform.eventstore.StreamId;
import org.careloop.platform.testing.Rows;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EventStoreConcurrencyTest {

    /** A stream type of its own, so these events stay out of the client registry's history. */
    static final String STREAM = "concurrency-test";

    @Inject EventStore store;

    @Inject Vertx vertx;

    @Inject DataSource db;

    @Test
    @RunOnVertxContext
    void appendingWithAStaleExpectedVersionIsAConflictAndStoresNothing(UniAsserter asserter) {
        UUID id = UUID.randomUUID();
        StreamId stream = StreamId.of(STREAM, id);
        ClientEvent first = registered(id, "first");
        ClientEvent second = registered(id, "second");

        asserter.assertEquals(
                () ->
                        Panache.withTransaction(
                                        () ->
                                                store.append(
                                                        stream,
                                                        0,
                                                        List.of(first),
                                                        List.of(),
                                                        "test"))
                                .map(List::size),
                1);
        asserter.assertFailedWith(
                () ->
                        Panache.withTransaction(
                                () -> store.append(stream, 0, List.of(second), List.of(), "test")),
                failure -> assertInstanceOf(ConcurrencyConflict.class, failure));
        asserter.assertThat(
                () -> Panache.withSession(() -> store.load(stream)),
                events -> {
                    assertEquals(1, events.size());
                    assertEquals(first, events.get(0).decode(ClientEvent.class));
                });
    }

    /**
     * Two writers read the same version; the first appends and holds its transaction open; the
     * second appends, and waits in PostgreSQL on the first one's row. When the first commits, the
     * second is a conflict: one wins, never both.
     */
    @Test
    void ofTwoWritersRacingOnOneStreamOneWinsAndTheOtherIsAConflict() throws Exception {
        UUID id = UUID.randomUUID();
        StreamId stream = StreamId.of(STREAM, id);
        CompletableFuture<Void> firstAppended = new CompletableFuture<>();
        CompletableFuture<Void> firstMayCommit = new CompletableFuture<>();
        Context firstContext = safeContext();
        CompletableFuture<List<StoredEvent>> first =
                onContext(
                        firstContext,
                        () ->
                                Panache.withTransaction(
                                        () ->
                                                store.append(
                                                                stream,
                                                                0,
                                                                List.of(registered(id, "first")),
                                                                List.of(),
                                                                "first")
                                                        .invoke(() -> firstAppended.complete(null))
                                                        .call(
                                                                stored ->
                                                                        Uni.createFrom()
                                                                                .completionStage(
                                                                                        firstMayCommit)
                                                                                .emitOn(
                                                                                        task ->
                                                                                                firstContext
                                                                                                        .runOnContext(
                                                                                                                ignored ->
                                                                                                                        task
                                                                                                                                .run())))));
        firstAppended.get(30, TimeUnit.SECONDS);

        CompletableFuture<List<StoredEvent>> second =
                onContext(
                        safeContext(),
                        () ->
                                Panache.withTransaction(
                                        () ->
                                                store.append(
                                                        stream,
                                                        0,
                                                        List.of(registered(id, "second")),
                                                        List.of(),
                                                        "second")));
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                Rows.count(
                                                db,
                                                "select count(*) from pg_stat_activity"
                                                        + " where wait_event_type = 'Lock' and datname = current_database()")
                                        > 0);
        firstMayCommit.complete(null);

        assertEquals(1, first.get(30, TimeUnit.SECONDS).size());
        ExecutionException lost =
                assertThrows(ExecutionException.class, () -> second.get(30, TimeUnit.SECONDS));
        assertInstanceOf(ConcurrencyConflict.class, lost.getCause());
        assertEquals(
                1,
                Rows.count(
                        db,
                        "select count(*) from event_store where stream_type = '"
                                + STREAM
                                + "' and stream_id = '"
                                + stream.id()
                                + "'"));
        assertEquals(
                1,
                Rows.count(
                        db,
                        "select count(*) from event_store where stream_id = '"
                                + stream.id()
                                + "' and actor = 'first'"));
    }

    @Test
    @RunOnVertxContext
    void streamsOfTwoTypesMayShareAnId(UniAsserter asserter) {
        UUID id = UUID.randomUUID();
        asserter.assertEquals(
                () ->
                        Panache.withTransaction(
                                        () ->
                                                store.append(
                                                        StreamId.of(STREAM, id),
                                                        0,
                                                        List.of(registered(id, "one")),
                                                        List.of(),
                                                        "test"))
                                .map(List::size),
                1);
        asserter.assertEquals(
                () ->
                        Panache.withTransaction(
                                        () ->
                                                store.append(
                                                        StreamId.of(STREAM + "-other", id),
                                                        0,
                                                        List.of(registered(id, "other")),
                                                        List.of(),
                                                        "test"))
                                .map(List::size),
                1);
        asserter.assertThat(
                () -> Panache.withSession(() -> store.load(StreamId.of(STREAM, id))),
                events -> {
                    assertEquals(1, events.size());
                    assertEquals(
                            "one",
                            ((ClientEvent.Registered) events.get(0).decode(ClientEvent.class))
                                    .firstName());
                });
    }

    private Context safeContext() {
        Context context = VertxContext.getOrCreateDuplicatedContext(vertx);
        VertxContextSafetyToggle.setContextSafe(context, true);
        return context;
    }

    private static <T> CompletableFuture<T> onContext(Context context, Supplier<Uni<T>> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        context.runOnContext(
                ignored ->
                        work.get()
                                .subscribe()
                                .with(result::complete, result::completeExceptionally));
        return result;
    }

    private static ClientEvent registered(UUID clientId, String firstName) {
        return new ClientEvent.Registered(
                clientId,
                firstName,
                "Test",
                null,
                null,
                LocalDate.of(1990, 1, 1),
                null,
                null,
                null,
                Instant.parse("2026-11-22T10:00:00Z"),
                "test");
    }
}
