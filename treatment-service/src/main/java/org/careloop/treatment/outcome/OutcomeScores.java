package org.careloop.treatment.outcome;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.careloop.contracts.intake.AssessmentCompleted;
import org.careloop.platform.inbox.ReceivedEvent;
import org.careloop.platform.projection.InboxProjection;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The totals of the instruments followed (PHQ-9, GAD-7), one row per assessment, projected from
 * intake's AssessmentCompleted and rebuilt from the inbox history of the intake consumer.
 */
@ApplicationScoped
public class OutcomeScores implements InboxProjection {

    private final String consumer;
    private final OutcomeRules rules;

    OutcomeScores(
            @ConfigProperty(name = "quarkus.application.name") String consumer,
            OutcomeRules rules) {
        this.consumer = consumer;
        this.rules = rules;
    }

    @Override
    public String name() {
        return "outcomes";
    }

    @Override
    public String table() {
        return "outcome_score";
    }

    @Override
    public String consumer() {
        return consumer;
    }

    @Override
    public Uni<Void> reset() {
        return OutcomeScore.deleteAll().replaceWithVoid();
    }

    /** Records the total of a followed instrument; any other event changes nothing. */
    @Override
    public Uni<Void> apply(ReceivedEvent received) {
        if (received.event().orElse(null) instanceof AssessmentCompleted assessment
                && rules.follows(assessment.instrument())
                && assessment.totalScore() != null) {
            return record(assessment, received.occurredAt());
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> record(AssessmentCompleted assessment, Instant occurredAt) {
        Instant administeredAt =
                assessment.administeredAt() == null ? occurredAt : assessment.administeredAt();
        // The same assessment under another event id (a resend by intake) is one score, not two.
        return Panache.getSession()
                .flatMap(
                        session ->
                                session.createNativeQuery(
                                                """
                insert into outcome_score (assessment_id, client_id, instrument, administered_at, total_score)
                values (:assessmentId, :clientId, :instrument, :administeredAt, :total)
                on conflict (assessment_id) do nothing""")
                                        .setParameter("assessmentId", assessment.assessmentId())
                                        .setParameter("clientId", assessment.clientId())
                                        .setParameter("instrument", assessment.instrument())
                                        .setParameter("administeredAt", administeredAt)
                                        .setParameter("total", assessment.totalScore())
                                        .executeUpdate())
                .replaceWithVoid();
    }

    Uni<List<OutcomeScore>> of(Collection<UUID> clientIds) {
        return OutcomeScore.list(
                "clientId in ?1 order by clientId, instrument, administeredAt, assessmentId",
                clientIds);
    }
}
