package org.careloop.risk.risklevel;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A client's current risk: the row the risk registry lists. */
@Entity
@Table(name = "risk_status")
public class RiskStatus extends PanacheEntityBase {

    @Id
    @Column(name = "client_id")
    public UUID clientId;

    public String level;

    /** Ordinal of the level, for "at least MODERATE" queries. */
    public int rank;

    @Column(name = "episode_id")
    public UUID episodeId;

    @Column(name = "level_since")
    public Instant levelSince;

    public String reason;
}
