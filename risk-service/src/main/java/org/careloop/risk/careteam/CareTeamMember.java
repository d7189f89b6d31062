package org.careloop.risk.careteam;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A clinician on a client's care team, in one role (PRIMARY, ASSOCIATE, PRESCRIBER...). */
@Entity
@Table(name = "care_team_member")
@IdClass(CareTeamMember.Key.class)
public class CareTeamMember extends PanacheEntityBase {

    public static final String PRIMARY = "PRIMARY";

    @Id
    @Column(name = "client_id")
    public UUID clientId;

    @Id public String clinician;

    @Id public String role;

    @Column(name = "assigned_at")
    public Instant assignedAt;

    @Column(name = "assigned_by")
    public String assignedBy;

    /** The composite key. */
    public static class Key implements java.io.Serializable {
        public UUID clientId;
        public String clinician;
        public String role;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && Objects.equals(key.clientId, clientId)
                    && Objects.equals(key.clinician, clinician)
                    && Objects.equals(key.role, role);
        }

        @Override
        public int hashCode() {
            return Objects.hash(clientId, clinician, role);
        }
    }
}
