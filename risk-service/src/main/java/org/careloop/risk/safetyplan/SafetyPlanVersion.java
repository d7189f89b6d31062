package org.careloop.risk.safetyplan;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One version of a client's safety plan. */
@Entity
@Table(name = "safety_plan_version")
@IdClass(SafetyPlanVersion.Key.class)
public class SafetyPlanVersion extends PanacheEntityBase {

    @Id
    @Column(name = "client_id")
    public UUID clientId;

    @Id public int version;

    /** The sections as JSON. */
    public String sections;

    @Column(name = "revised_by")
    public String revisedBy;

    @Column(name = "revised_at")
    public Instant revisedAt;

    /** The composite key. */
    public static class Key implements java.io.Serializable {
        public UUID clientId;
        public int version;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && key.clientId.equals(clientId)
                    && key.version == version;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(clientId, version);
        }
    }
}
