package org.careloop.treatment.risk;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A client's risk level as the risk service last announced it. */
@Entity
@Table(name = "client_risk")
public class ClientRisk extends PanacheEntityBase {

    @Id
    @Column(name = "client_id")
    public UUID clientId;

    public String level;

    public String reason;

    @Column(name = "changed_at")
    public Instant changedAt;
}
