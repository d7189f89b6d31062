package org.careloop.risk.policy;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A supervisor's ladder for one priority, replacing the configured default. */
@Entity
@Table(name = "escalation_policy")
public class PolicyRecord extends PanacheEntityBase {

    @Id public String priority;

    /** The steps as JSON. */
    public String steps;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
