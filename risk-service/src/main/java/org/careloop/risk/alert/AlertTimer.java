package org.careloop.risk.alert;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * The acknowledgement deadline of an open alert's current step. Written in the same transaction as the step, so a
 * restart neither loses it nor fires it twice.
 */
@Entity
@Table(name = "alert_timer")
public class AlertTimer extends PanacheEntityBase {

    @Id
    @Column(name = "alert_id")
    public UUID alertId;

    public int step;

    @Column(name = "due_at")
    public Instant dueAt;
}
