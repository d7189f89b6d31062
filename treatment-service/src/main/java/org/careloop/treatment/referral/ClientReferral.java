package org.careloop.treatment.referral;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A referral sent for a client and where its follow-up stands. */
@Entity
@Table(name = "client_referral")
public class ClientReferral extends PanacheEntityBase {

    @Id
    @Column(name = "referral_id")
    public UUID referralId;

    @Column(name = "client_id")
    public UUID clientId;

    @Column(name = "partner_id")
    public String partnerId;

    public String stage;

    public boolean overdue;

    @Column(name = "requested_at")
    public Instant requestedAt;

    ReferralFollowUp followUp() {
        return new ReferralFollowUp(ReferralFollowUp.Stage.valueOf(stage), overdue);
    }
}
