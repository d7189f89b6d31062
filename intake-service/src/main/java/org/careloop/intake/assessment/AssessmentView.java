package org.careloop.intake.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careloop.contracts.RiskLevel;

/**
 * An assessment as the API shows it: what was answered, its scores, bands, flags and suggested
 * actions.
 */
public record AssessmentView(
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
        List<String> actions) {

    static AssessmentView of(AssessmentEvent.AssessmentCompleted e) {
        return new AssessmentView(
                e.assessmentId(),
                e.clientId(),
                e.instrument(),
                e.administeredAt(),
                e.administeredBy(),
                e.recordedAt(),
                e.itemScores(),
                e.difficulty(),
                e.screenerAnswers(),
                e.sections(),
                e.diagnoses(),
                e.totalScore(),
                e.severity(),
                e.riskLevel(),
                e.flags(),
                e.actions());
    }
}
