package org.careloop.treatment.plan;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A client's plan as a whole: the version in force, the one being signed, its review. */
@Entity
@Table(name = "treatment_plan")
public class PlanRecord extends PanacheEntityBase {

    @Id
    @Column(name = "plan_id")
    public UUID planId;

    @Column(name = "client_id")
    public UUID clientId;

    /**
     * ACTIVE once a version is approved (even while a revision is signed), else that of the draft.
     */
    public String status;

    @Column(name = "latest_version")
    public int latestVersion;

    @Column(name = "active_version")
    public int activeVersion;

    /** The status of the version being signed, if one is. */
    @Column(name = "pending_status")
    public String pendingStatus;

    @Column(name = "review_due_on")
    public LocalDate reviewDueOn;

    @Column(name = "review_due_at")
    public Instant reviewDueAt;

    @Column(name = "review_overdue")
    public boolean reviewOverdue;

    @Column(name = "review_required_reason")
    public String reviewRequiredReason;

    @Column(name = "review_required_at")
    public Instant reviewRequiredAt;

    /** The active version's diagnoses, primary first, as JSON. */
    public String diagnoses;

    /** The diagnoses of the version being signed, as JSON, until it is approved. */
    @Column(name = "pending_diagnoses")
    public String pendingDiagnoses;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
