package org.careloop.referral.inbound;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A row of the inbound referrals projection: one partner's referral and where it stands. */
@Entity
@Table(name = "inbound_referral")
public class InboundRecord extends PanacheEntityBase {

    @Id
    @Column(name = "inbound_id")
    public UUID inboundId;

    @Column(name = "partner_id")
    public String partnerId;

    @Column(name = "partner_reference")
    public String partnerReference;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "last_name")
    public String lastName;

    @Column(name = "date_of_birth")
    public LocalDate dateOfBirth;

    public String phone;

    public String email;

    @Column(name = "preferred_language")
    public String preferredLanguage;

    @Column(name = "service_requested")
    public String serviceRequested;

    public String reason;

    public String urgency;

    public String status;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decline_reason")
    public String declineReason;
}
