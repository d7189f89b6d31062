package org.careloop.platform.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careloop.contracts.Upcasters;
import org.careloop.contracts.codec.MalformedEventException;
import org.careloop.platform.database.Database;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Idempotent receipt of integration events. The (consumer, event id) row and the projection change
 * commit in one transaction, so a redelivered event has no second effect; the Kafka offset is
 * acknowledged only after that commit.
 *
 * <p>When that transaction fails, what happens depends on why:
 *
 * <ul>
 *   <li>a message that cannot be read fails at once, which sends it to the consumer's dead-letter
 *       topic;
 *   <li>while the database cannot be reached, the message waits and is tried again for as long as
 *       the outage lasts: dead-lettering it would turn an outage into lost alerts, and waiting
 *       keeps the partition's order;
 *   <li>any other failure (a deadlock, a bug) is tried again with a growing pause, then
 *       dead-lettered with its reason so that the next messages are not held up behind it.
 * </ul>
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final Clock clock;
    private final Database database;
    private final Upcasters upcasters;
    private final int maxAttempts;
    private final Duration firstRetry;
    private final Duration outageRetry;

    Inbox(
            Clock clock,
            Database database,
            Upcasters upcasters,
            @ConfigProperty(name = "careloop.inbox.max-attempts", defaultValue = "5")
                    int maxAttempts,
            @ConfigProperty(name = "careloop.inbox.first-retry", defaultValue = "PT0.2S")
                    Duration firstRetry,
            @ConfigProperty(name = "careloop.inbox.outage-retry", defaultValue = "PT2S")
                    Duration outageRetry) {
        this.clock = clock;
        this.database = database;
        this.upcasters = upcasters;
        this.maxAttempts = maxAttempts;
        this.firstRetry = firstRetry;
        this.outageRetry = outageRetry;
    }

    public Uni<Void> receive(
            String consumer,
            ConsumerRecord<String, String> record,
            Function<ReceivedEvent, Uni<Void>> apply) {
        ReceivedEvent event;
        try {
            event = ReceivedEvent.from(record, upcasters);
        } catch (MalformedEventException e) {
            LOG.warnf("dead-lettering %s: %s", where(record), e.getMessage());
            return Uni.createFrom().failure(e);
        }
        // Retries resume on the consumer's own Vert.x context, where Hibernate Reactive sessions
        // live.
        Context context = Vertx.currentContext();
        if (context == null) {
            throw new IllegalStateException("the inbox runs on a consumer's Vert.x context");
        }
        AtomicInteger failures = new AtomicInteger();
        return Uni.createFrom()
                .deferred(
                        () ->
                                Panache.withTransaction(
                                        () ->
                                                record(consumer, event)
                                                        .flatMap(
                                                                first ->
                                                                        first
                                                                                        && event.event()
                                                                                                .isPresent()
                                                                                ? apply.apply(event)
                                                                                : Uni.createFrom()
                                                                                        .voidItem())))
                .onFailure()
                .retry()
                .when(
                        attempts ->
                                attempts.onItem()
                                        .transformToUniAndConcatenate(
                                                failure ->
                                                        nextAttempt(
                                                                record, failure, failures,
                                                                context)));
    }

    /**
     * Emits when the message should be tried again; fails with the cause when it should be
     * dead-lettered.
     */
    private Uni<Long> nextAttempt(
            ConsumerRecord<String, String> record,
            Throwable failure,
            AtomicInteger failures,
            Context context) {
        return database.reachable()
                .flatMap(
                        reachable -> {
                            if (!reachable) {
                                LOG.warnf(
                                        "%s waits: the database cannot be reached (%s); next try in %s",
                                        where(record), failure.getMessage(), outageRetry);
                                return after(outageRetry, context);
                            }
                            int failed = failures.incrementAndGet();
                            if (failed >= maxAttempts) {
                                LOG.errorf(
                                        failure,
                                        "dead-lettering %s after %d attempts",
                                        where(record),
                                        failed);
                                return Uni.createFrom().failure(failure);
                            }
                            Duration pause =
                                    firstRetry.multipliedBy(1L << Math.min(failed - 1, 10));
                            LOG.warnf(
                                    "%s failed (attempt %d of %d: %s); next try in %s",
                                    where(record),
                                    failed,
                                    maxAttempts,
                                    failure.getMessage(),
                                    pause);
                            return after(pause, context);
                        });
    }

    private static Uni<Long> after(Duration pause, Context context) {
        return Uni.createFrom()
                .emitter(
                        emitter ->
                                context.owner()
                                        .setTimer(
                                                pause.toMillis(),
                                                timer ->
                                                        context.runOnContext(
                                                                ignored ->
                                                                        emitter.complete(
                                                                                pause
                                                                                        .toMillis()))));
    }

    private static String where(ConsumerRecord<String, String> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    /** True when this is the first time the consumer sees the event. */
    private Uni<Boolean> record(String consumer, ReceivedEvent event) {
        return Panache.getSession()
                .flatMap(
                        session ->
                                session.createNativeQuery(
                                                """
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
