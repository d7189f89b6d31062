package org.careloop.referral.subscription;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Where a partner's announcements go; {@code secret} sealed by the platform's SecretBox. */
@Entity
@Table(name = "partner_subscription")
public class PartnerSubscription extends PanacheEntityBase {

    @Id
    @Column(name = "partner_id")
    public String partnerId;

    public String url;

    public String secret;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;
}
