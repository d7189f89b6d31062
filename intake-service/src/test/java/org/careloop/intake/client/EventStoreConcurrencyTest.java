package org.careloop.intake.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;

import org.careloop.platform.eventstore.ConcurrencyConflict;
import org.careloop.platform.eventstore.EventStore;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EventStoreConcurrencyTest {

    /** A stream type of its own, so these events stay out of the client registry's history. */
    static final String STREAM = "concurrency-test";

    @Inject
    EventStore store;

    @Test
    @RunOnVertxContext
    void appendingWithAStaleExpectedVersionIsAConflictAndStoresNothing(UniAsserter asserter) {
        UUID stream = UUID.randomUUID();
        ClientEvent first = registered(stream, "first");
        ClientEvent second = registered(stream, "second");

        asserter.assertEquals(() -> Panache.withTransaction(
                () -> store.append(STREAM, stream, 0, List.of(first), List.of(), "test")), 1);
        asserter.assertFailedWith(() -> Panache.withTransaction(
                () -> store.append(STREAM, stream, 0, List.of(second), List.of(), "test")),
                failure -> assertInstanceOf(ConcurrencyConflict.class, failure));
        asserter.assertThat(() -> Panache.withSession(() -> store.load(stream)), events -> {
            assertEquals(1, events.size());
            assertEquals(first, events.get(0).decode(ClientEvent.class));
        });
    }

    private static ClientEvent registered(UUID clientId, String firstName) {
        return new ClientEvent.ClientRegistered(clientId, firstName, "Test", null, null, LocalDate.of(1990, 1, 1),
                null, null, null, Instant.parse("2026-11-22T10:00:00Z"), "test");
    }
}
