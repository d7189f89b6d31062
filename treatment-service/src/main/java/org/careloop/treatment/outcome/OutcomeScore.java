package org.careloop.treatment.outcome;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A scored screening of a client, as intake reported it. */
@Entity
@Table(name = "outcome_score")
public class OutcomeScore extends PanacheEntityBase {

    @Id
    @Column(name = "assessment_id")
    public UUID assessmentId;

    @Column(name = "client_id")
    public UUID clientId;

    public String instrument;

    @Column(name = "administered_at")
    public Instant administeredAt;

    @Column(name = "total_score")
    public int totalScore;

    Score score() {
        return new Score(administeredAt, totalScore, assessmentId);
    }
}
