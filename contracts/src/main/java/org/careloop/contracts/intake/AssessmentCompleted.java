package org.careloop.contracts.intake;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.contracts.IntegrationEvent;

/**
 * A screening or assessment was completed at intake. Scored instruments carry their item scores,
 * total and severity; the C-SSRS screener carries its answers; {@code riskLevel} is null for an
 * instrument that does not assess suicide risk. Narrative sections of a biopsychosocial assessment
 * stay in intake; only its diagnoses travel.
 */
@EventType("careloop.intake.AssessmentCompleted.v1")
public record AssessmentCompleted(
        UUID assessmentId,
        UUID clientId,
        String instrument,
        Instant administeredAt,
        String administeredBy,
        List<Integer> itemScores,
        Integer difficulty,
        Map<String, Boolean> screenerAnswers,
        Integer totalScore,
        String severity,
        String riskLevel,
        List<String> flags,
        List<Diagnosis> diagnoses)
        implements IntegrationEvent {

    /** A diagnosis with its code system, e.g. F32.1 in ICD-10-CM. */
    public record Diagnosis(String code, String system, String description) {}
}
