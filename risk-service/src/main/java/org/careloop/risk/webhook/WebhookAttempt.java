package org.careloop.risk.webhook;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One try at delivering an alert step to a webhook, as it appears in the alert's timeline. */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttempt extends PanacheEntityBase {

    @Id public Long id;

    @Column(name = "delivery_id")
    public UUID deliveryId;

    @Column(name = "alert_id")
    public UUID alertId;

    public int attempt;

    @Column(name = "attempted_at")
    public Instant attemptedAt;

    /** The HTTP status, or 0 when no answer came. */
    public int status;

    public String error;
}
