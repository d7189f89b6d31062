package org.careloop.treatment.plan;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** One version of a plan, as written and signed; earlier versions stay readable. */
@Entity
@Table(name = "treatment_plan_version")
@IdClass(PlanVersionRecord.Key.class)
public class PlanVersionRecord extends PanacheEntityBase {

    @Id
    @Column(name = "plan_id")
    public UUID planId;

    @Id public int version;

    @Column(name = "client_id")
    public UUID clientId;

    public String status;

    public String author;

    @Column(name = "author_licensed")
    public boolean authorLicensed;

    @Column(name = "author_supervisor")
    public String authorSupervisor;

    /** The content as JSON ({@link PlanContent}). */
    public String content;

    /** The signatures as JSON, in the order given. */
    public String signatures;

    /** The measured goals met, as JSON. */
    @Column(name = "goals_met")
    public String goalsMet;

    @Column(name = "drafted_at")
    public Instant draftedAt;

    @Column(name = "approved_at")
    public Instant approvedAt;

    @Column(name = "review_due_on")
    public LocalDate reviewDueOn;

    /** The composite key. */
    public static class Key implements Serializable {
        public UUID planId;
        public int version;

        public Key() {}

        Key(UUID planId, int version) {
            this.planId = planId;
            this.version = version;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.planId.equals(planId) && key.version == version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(planId, version);
        }
    }
}
