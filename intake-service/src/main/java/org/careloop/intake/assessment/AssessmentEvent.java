package org.careloop.intake.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.contracts.RiskLevel;

/** What happened to an assessment, as stored in intake's event store; one stream per assessment. */
public sealed interface AssessmentEvent {

    String STREAM = "assessment";

    /** A screening or assessment was completed and scored. */
    @EventType("intake.assessment.AssessmentCompleted")
    record AssessmentCompleted(
            UUID assessmentId,
            UUID clientId,
            String instrument,
            Instant administeredAt,
            String administeredBy,
            Instant recordedAt,
            List<Integer> itemScores,
            Integer difficulty,
            Map<String, Boolean> screenerAnswers,
            Map<String, String> sections,
            List<SubmitAssessment.Diagnosis> diagnoses,
            Integer totalScore,
            String severity,
            RiskLevel riskLevel,
            List<String> flags,
            List<String> actions)
            implements AssessmentEvent {}
}
