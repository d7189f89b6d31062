package org.careloop.treatment.careteam;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** When a client was last discharged: what came before belongs to an earlier episode of care. */
@Entity
@Table(name = "care_episode")
public class CareEpisode extends PanacheEntityBase {

    @Id
    @Column(name = "client_id")
    public UUID clientId;

    @Column(name = "last_discharged_at")
    public Instant lastDischargedAt;
}
