package org.careloop.platform.deadline;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Setting, clearing and claiming deadlines; setting and clearing run in the caller's transaction.
 */
@ApplicationScoped
public class Deadlines {

    /** Sets (or moves) the deadline of one stream's kind. */
    public Uni<Void> set(String kind, UUID streamId, int step, Instant dueAt) {
        return Deadline.<Deadline>findById(new Deadline.Key(kind, streamId))
                .flatMap(
                        found -> {
                            Deadline deadline = found == null ? new Deadline() : found;
                            deadline.kind = kind;
                            deadline.streamId = streamId;
                            deadline.step = step;
                            deadline.dueAt = dueAt;
                            return found == null
                                    ? deadline.persist().replaceWithVoid()
                                    : Uni.createFrom().voidItem();
                        });
    }

    public Uni<Void> clear(String kind, UUID streamId) {
        return Deadline.delete("kind = ?1 and streamId = ?2", kind, streamId).replaceWithVoid();
    }

    /**
     * Holds the stream's deadline of that kind, if it has one, until the caller's transaction ends.
     * A command that will move or clear a deadline takes it first, before reading its stream: it
     * then waits for a clock firing that deadline to commit (and the clock skips it meanwhile),
     * instead of the two deadlocking over the stream's next version and the deadline's row.
     */
    public Uni<Void> hold(String kind, UUID streamId) {
        return Panache.getSession()
                .flatMap(
                        session ->
                                session.createNativeQuery(
                                                "select stream_id from deadline where kind = :kind"
                                                        + " and stream_id = :stream for update")
                                        .setParameter("kind", kind)
                                        .setParameter("stream", streamId)
                                        .getResultList())
                .replaceWithVoid();
    }

    public Uni<Deadline> find(String kind, UUID streamId) {
        return Deadline.findById(new Deadline.Key(kind, streamId));
    }

    /** Deadlines due at {@code now}, earliest first, without claiming them. */
    Uni<List<Deadline>> due(Instant now, int limit) {
        return Deadline.<Deadline>find("dueAt <= ?1 order by dueAt", now)
                .range(0, limit - 1)
                .list();
    }

    /**
     * Claims one deadline for the current transaction: null when it is no longer due, was cleared,
     * or another instance holds it right now (SKIP LOCKED: two instances never handle the same
     * deadline at once).
     */
    Uni<Deadline> claim(String kind, UUID streamId, Instant now) {
        return Panache.getSession()
                .flatMap(
                        session ->
                                session.createNativeQuery(
                                                """
                select * from deadline where kind = :kind and stream_id = :stream and due_at <= :now
                for update skip locked""",
                                                Deadline.class)
                                        .setParameter("kind", kind)
                                        .setParameter("stream", streamId)
                                        .setParameter("now", now)
                                        .getResultList())
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }
}
