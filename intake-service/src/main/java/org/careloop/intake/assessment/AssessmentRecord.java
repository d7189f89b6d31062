package org.careloop.intake.assessment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A row of a client's assessment history. */
@Entity
@Table(name = "assessment_history")
public class AssessmentRecord extends PanacheEntityBase {

    @Id
    @Column(name = "assessment_id")
    public UUID assessmentId;

    @Column(name = "client_id")
    public UUID clientId;

    public String instrument;

    @Column(name = "administered_at")
    public Instant administeredAt;

    @Column(name = "risk_level")
    public String riskLevel;

    /** The completed assessment as JSON. */
    public String detail;
}
