package org.careloop.treatment.careteam;

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

/** One clinician on one client's care team. */
@Entity
@Table(name = "care_team_member")
@IdClass(CareTeamMember.Key.class)
public class CareTeamMember extends PanacheEntityBase {

    @Id
    @Column(name = "client_id")
    public UUID clientId;

    @Id public String clinician;

    public String role;

    @Column(name = "assigned_at")
    public Instant assignedAt;

    @Column(name = "assigned_by")
    public String assignedBy;

    /** The composite key. */
    public static class Key implements Serializable {
        public UUID clientId;
        public String clinician;

        public Key() {}

        Key(UUID clientId, String clinician) {
            this.clientId = clientId;
            this.clinician = clinician;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && key.clientId.equals(clientId)
                    && key.clinician.equals(clinician);
        }

        @Override
        public int hashCode() {
            return Objects.hash(clientId, clinician);
        }
    }
}
