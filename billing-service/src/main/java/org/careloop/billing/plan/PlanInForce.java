package org.careloop.billing.plan;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** What billing knows of a treatment plan: its latest approved version and review date. */
@Entity
@Table(name = "billing_plan")
public class PlanInForce extends PanacheEntityBase {

    @Id
    @Column(name = "plan_id")
    public UUID planId;

    @Column(name = "client_id")
    public UUID clientId;

    public int version;

    @Column(name = "review_due_on")
    public LocalDate reviewDueOn;

    @Column(name = "review_overdue")
    public boolean reviewOverdue;

    public boolean closed;

    /**
     * Whether the plan stood behind a session on that day: approved, and its review not yet overdue
     * on that day (a session after the review date of an unrevised plan has no plan in force).
     */
    public boolean inForceOn(LocalDate day) {
        return reviewDueOn == null || !day.isAfter(reviewDueOn);
    }
}
