package org.careloop.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.careloop.contracts.intake.AssessmentCompleted;
import org.careloop.contracts.intake.ClientRegistered;
import org.careloop.contracts.risk.AlertAcknowledged;
import org.careloop.contracts.risk.AlertEscalated;
import org.careloop.contracts.risk.CrisisAlertRaised;
import org.careloop.contracts.risk.RiskEscalated;
import org.careloop.contracts.risk.RiskLevelChanged;
import org.careloop.contracts.risk.RiskResolved;
import org.careloop.contracts.risk.SafetyPlanUpdated;

/** One fixed example of every integration event, used to pin the wire format. */
public final class Samples {

    static final UUID CLIENT = UUID.fromString("5b0c6f2e-8d1a-4c3e-9f7b-2a4d6e8f0a1c");

    static final UUID ASSESSMENT = UUID.fromString("9d3c1b2a-7e6f-4a5b-8c9d-0e1f2a3b4c5d");
    static final UUID EPISODE = UUID.fromString("3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f");
    static final UUID ALERT = UUID.fromString("4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a");

    private Samples() {}

    public static List<IntegrationEvent> all() {
        return List.of(
                new ClientRegistered(
                        CLIENT,
                        "Ada",
                        "Lovelace",
                        "Ada",
                        "she/her",
                        LocalDate.of(1990, 12, 10),
                        "+1-555-0100",
                        "ada@example.org",
                        "en",
                        Instant.parse("2026-11-22T09:30:00Z"),
                        "intake1"),
                new AssessmentCompleted(
                        UUID.fromString("9d3c1b2a-7e6f-4a5b-8c9d-0e1f2a3b4c5d"),
                        CLIENT,
                        "PHQ-9",
                        Instant.parse("2026-11-22T09:45:00Z"),
                        "intake1",
                        List.of(2, 2, 2, 2, 2, 2, 2, 1, 2),
                        2,
                        null,
                        17,
                        "MODERATELY_SEVERE",
                        "MODERATE",
                        List.of("ITEM9_POSITIVE", "FURTHER_EVALUATION_WARRANTED"),
                        List.of()),
                new AssessmentCompleted(
                        UUID.fromString("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5e"),
                        CLIENT,
                        "C-SSRS-SCREENER",
                        Instant.parse("2026-11-22T09:50:00Z"),
                        "clinician1",
                        null,
                        null,
                        java.util.Map.of(
                                "wishToBeDead",
                                true,
                                "nonSpecificActiveThoughts",
                                false,
                                "suicidalBehavior",
                                false),
                        null,
                        null,
                        "LOW",
                        List.of("SUICIDAL_IDEATION"),
                        List.of()),
                new AssessmentCompleted(
                        UUID.fromString("2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e"),
                        CLIENT,
                        "BIOPSYCHOSOCIAL",
                        Instant.parse("2026-11-22T10:30:00Z"),
                        "clinician1",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        List.of(
                                new AssessmentCompleted.Diagnosis(
                                        "F32.1",
                                        "ICD-10-CM",
                                        "Major depressive disorder, single episode, moderate"))),
                new RiskLevelChanged(
                        CLIENT,
                        "NONE",
                        "MODERATE",
                        "SCREEN",
                        ASSESSMENT,
                        "PHQ-9 item 9 positive",
                        null,
                        Instant.parse("2026-11-22T09:45:01Z")),
                new RiskEscalated(
                        CLIENT,
                        EPISODE,
                        "NONE",
                        "MODERATE",
                        "PHQ-9 item 9 positive",
                        ASSESSMENT,
                        Instant.parse("2026-11-22T09:45:01Z")),
                new RiskResolved(
                        CLIENT,
                        EPISODE,
                        "LOW",
                        "Safety plan in place; denies intent",
                        "clinician1",
                        Instant.parse("2026-11-22T11:00:00Z")),
                new CrisisAlertRaised(
                        CLIENT,
                        ALERT,
                        EPISODE,
                        "URGENT",
                        "MODERATE",
                        "PHQ-9 item 9 positive",
                        "PRIMARY",
                        1,
                        "oncall1",
                        Instant.parse("2026-11-22T09:45:01Z")),
                new AlertEscalated(
                        CLIENT,
                        ALERT,
                        "PRIMARY",
                        "BACKUP",
                        2,
                        "oncall2",
                        Instant.parse("2026-11-22T09:50:01Z")),
                new AlertAcknowledged(
                        CLIENT,
                        ALERT,
                        "BACKUP",
                        2,
                        "oncall2",
                        Instant.parse("2026-11-22T09:51:30Z")),
                new SafetyPlanUpdated(
                        CLIENT, 2, "clinician1", Instant.parse("2026-11-22T10:15:00Z")));
    }
}
