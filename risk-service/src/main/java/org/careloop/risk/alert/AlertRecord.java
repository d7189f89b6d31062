package org.careloop.risk.alert;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A row of the alert board: each alert as it stands now. */
@Entity
@Table(name = "alert_board")
public class AlertRecord extends PanacheEntityBase {

    @Id
    @Column(name = "alert_id")
    public UUID alertId;

    @Column(name = "client_id")
    public UUID clientId;

    public String priority;

    @Column(name = "risk_level")
    public String riskLevel;

    public String reason;

    public String status;

    public String tier;

    public int step;

    @Column(name = "addressed_to")
    public String addressedTo;

    @Column(name = "raised_at")
    public Instant raisedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The addressees so far, space-separated, for "alerts that were ever mine". */
    public String addressees;
}
