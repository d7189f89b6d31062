package org.careloop.referral.referral;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.platform.projection.JsonColumns;

/** A referral where it stands: what was asked, the partner's answers, its clocks. */
@Entity
@Table(name = "referral")
public class ReferralRecord extends PanacheEntityBase {

    static final TypeReference<List<String>> TEXTS = new TypeReference<>() {};

    @Id
    @Column(name = "referral_id")
    public UUID referralId;

    @Column(name = "client_id")
    public UUID clientId;

    @Column(name = "partner_id")
    public String partnerId;

    @Column(name = "service_type")
    public String serviceType;

    public String urgency;

    public String status;

    @Column(name = "held_from")
    public String heldFrom;

    public String reason;

    public String diagnoses;

    public String notes;

    @Column(name = "referred_by")
    public String referredBy;

    @Column(name = "consent_id")
    public UUID consentId;

    public boolean part2;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "acceptance_due_at")
    public Instant acceptanceDueAt;

    @Column(name = "seen_due_at")
    public Instant seenDueAt;

    @Column(name = "acceptance_overdue")
    public boolean acceptanceOverdue;

    @Column(name = "seen_overdue")
    public boolean seenOverdue;

    @Column(name = "appointment_at")
    public Instant appointmentAt;

    @Column(name = "partner_reason")
    public String partnerReason;

    @Column(name = "outcome_summary")
    public String outcomeSummary;

    @Column(name = "outcome_recommendations")
    public String outcomeRecommendations;

    @Column(name = "outcome_attachments")
    public String outcomeAttachments;

    /** What started the draft when no clinician did: RISK_ESCALATED or CLIENT_DISCHARGED. */
    public String origin;

    @Column(name = "origin_source_id")
    public UUID originSourceId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public List<String> diagnoses() {
        return JsonColumns.read(diagnoses, TEXTS);
    }

    public List<String> attachments() {
        List<String> texts = JsonColumns.read(outcomeAttachments, TEXTS);
        return texts == null ? List.of() : texts;
    }

    /** What started the draft, or null for a clinician's own. */
    public Origin origin() {
        return origin == null ? null : new Origin(Origin.Kind.valueOf(origin), originSourceId);
    }

    public boolean overdue() {
        return acceptanceOverdue || seenOverdue;
    }
}
