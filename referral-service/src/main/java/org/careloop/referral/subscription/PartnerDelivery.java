package org.careloop.referral.subscription;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One announcement to a partner, sent (delivered_at) or waiting for its next attempt. */
@Entity
@Table(name = "partner_delivery")
public class PartnerDelivery extends PanacheEntityBase {

    @Id
    @Column(name = "delivery_id")
    public UUID deliveryId;

    @Column(name = "partner_id")
    public String partnerId;

    @Column(name = "referral_id")
    public UUID referralId;

    public String type;

    public String body;

    @Column(name = "created_at")
    public Instant createdAt;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;
}
