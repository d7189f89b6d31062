package org.careloop.treatment.group;

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

/** One client on one group's roster. */
@Entity
@Table(name = "therapy_group_member")
@IdClass(TherapyGroupMember.Key.class)
public class TherapyGroupMember extends PanacheEntityBase {

    @Id
    @Column(name = "group_id")
    public UUID groupId;

    @Id
    @Column(name = "client_id")
    public UUID clientId;

    @Column(name = "joined_at")
    public Instant joinedAt;

    @Column(name = "joined_by")
    public String joinedBy;

    /** The composite key. */
    public static class Key implements Serializable {
        public UUID groupId;
        public UUID clientId;

        public Key() {}

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && key.groupId.equals(groupId)
                    && key.clientId.equals(clientId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(groupId, clientId);
        }
    }
}
