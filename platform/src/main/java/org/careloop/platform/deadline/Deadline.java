package org.careloop.platform.deadline;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * When something of one stream falls due: an alert step's acknowledgement, a plan's review, a
 * payer's decision. {@code step} says which occurrence (an alert's step, a plan's version), so a
 * handler can tell a stale one.
 */
@Entity
@Table(name = "deadline")
@IdClass(Deadline.Key.class)
public class Deadline extends PanacheEntityBase {

    @Id public String kind;

    @Id
    @Column(name = "stream_id")
    public UUID streamId;

    public int step;

    @Column(name = "due_at")
    public Instant dueAt;

    /** The composite key. */
    public static class Key implements Serializable {
        public String kind;
        public UUID streamId;

        public Key() {}

        Key(String kind, UUID streamId) {
            this.kind = kind;
            this.streamId = streamId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && key.kind.equals(kind)
                    && key.streamId.equals(streamId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(kind, streamId);
        }
    }
}
