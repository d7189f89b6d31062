package org.careloop.risk.webhook;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A pager integration that receives every alert step. The secret signs what is sent; it is stored
 * sealed ({@link org.careloop.platform.secret.SecretBox}), opened only to sign, never shown again.
 */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {

    @Id
    @Column(name = "webhook_id")
    public UUID webhookId;

    public String url;

    public String secret;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    public boolean enabled;

    /**
     * The secret before the last rotation, sealed; signs too until {@link #previousSecretUntil}.
     */
    @Column(name = "previous_secret")
    public String previousSecret;

    @Column(name = "previous_secret_until")
    public Instant previousSecretUntil;

    @Column(name = "secret_rotated_at")
    public Instant secretRotatedAt;
}
