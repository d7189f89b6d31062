package org.careloop.platform.deadline;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Fires due deadlines. Each one is claimed and handled in a transaction of its own, so one that
 * cannot be handled (a conflict, a defect) holds up no other: it stays, and the next check tries it
 * again.
 */
@ApplicationScoped
public class DeadlineClock {

    static final int PER_CHECK = 100;
    private static final Logger LOG = Logger.getLogger(DeadlineClock.class);

    private final Deadlines deadlines;
    private final Map<String, DeadlineHandler> handlers;
    private final Clock clock;

    DeadlineClock(Deadlines deadlines, Instance<DeadlineHandler> handlers, Clock clock) {
        this.deadlines = deadlines;
        this.handlers =
                handlers.stream()
                        .collect(Collectors.toMap(DeadlineHandler::kind, Function.identity()));
        this.clock = clock;
    }

    @Scheduled(
            every = "${careloop.deadlines.check:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = NoHandlers.class)
    Uni<Void> check() {
        Instant now = clock.instant();
        return Panache.withSession(() -> deadlines.due(now, PER_CHECK))
                .flatMap(
                        due -> {
                            Uni<Void> chain = Uni.createFrom().voidItem();
                            for (Deadline deadline : due) {
                                chain =
                                        chain.call(
                                                () -> fire(deadline.kind, deadline.streamId, now));
                            }
                            return chain;
                        })
                .onFailure()
                .invoke(e -> LOG.warn("deadlines could not be checked; the next check retries", e))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<Void> fire(String kind, UUID streamId, Instant now) {
        DeadlineHandler handler = handlers.get(kind);
        if (handler == null) {
            LOG.errorf(
                    "a deadline of kind %s (stream %s) has no handler in this service",
                    kind, streamId);
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(
                        () ->
                                deadlines
                                        .claim(kind, streamId, now)
                                        .flatMap(
                                                claimed ->
                                                        claimed == null
                                                                ? Uni.createFrom()
                                                                        .<Runnable>nullItem()
                                                                : handler.due(claimed, now)))
                .invoke(
                        afterCommit -> {
                            if (afterCommit != null) {
                                afterCommit.run();
                            }
                        })
                .onFailure()
                .invoke(
                        e ->
                                LOG.errorf(
                                        e,
                                        "deadline %s of %s could not be handled; the next check retries",
                                        kind,
                                        streamId))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** A service without deadline handlers does not poll. */
    @ApplicationScoped
    public static class NoHandlers implements Scheduled.SkipPredicate {

        private final Instance<DeadlineHandler> handlers;

        NoHandlers(Instance<DeadlineHandler> handlers) {
            this.handlers = handlers;
        }

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return handlers.isUnsatisfied();
        }
    }
}
