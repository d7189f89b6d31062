package org.careloop.intake.assessment;

import java.util.ArrayList;
import java.util.List;
import org.careloop.contracts.RiskLevel;
import org.careloop.platform.problem.InvalidCommand;

/** Scores each instrument exactly as its authors publish it. Pure functions of the answers. */
public final class Scoring {

    static final String CRISIS_LINE =
            "Offer crisis line information (988 Suicide & Crisis Lifeline in the US)";
    static final String SAME_DAY_ASSESSMENT =
            "Same-day suicide risk assessment (e.g. C-SSRS) before the client leaves";
    static final String IMMEDIATE_SAFETY =
            "Immediate safety precautions until a clinician evaluates the client; "
                    + "consider a higher level of care";
    static final String FOLLOW_UP = "Clinician follow-up and safety planning";

    /**
     * A PHQ-9 or GAD-7 total of 10 or more warrants further evaluation (Kroenke 2001; Spitzer
     * 2006).
     */
    static final int FURTHER_EVALUATION_AT = 10;

    private Scoring() {}

    public static Score score(SubmitAssessment submission) {
        if (submission instanceof SubmitAssessment.Phq9 phq9) {
            return phq9(phq9.answers());
        }
        if (submission instanceof SubmitAssessment.Gad7 gad7) {
            return gad7(gad7.answers());
        }
        if (submission instanceof SubmitAssessment.CssrsScreener screener) {
            return cssrs(screener.answers());
        }
        return new Score(null, null, null, List.of(), List.of());
    }

    /**
     * PHQ-9 (Kroenke, Spitzer & Williams, J Gen Intern Med 2001): bands 0-4, 5-9, 10-14, 15-19,
     * 20-27. Item 9 above 0 is a positive suicide-risk screen whatever the total: at least MODERATE
     * until a clinician assesses.
     */
    static Score phq9(List<Integer> answers) {
        int total = answers.stream().mapToInt(Integer::intValue).sum();
        String severity =
                total <= 4
                        ? "MINIMAL"
                        : total <= 9
                                ? "MILD"
                                : total <= 14
                                        ? "MODERATE"
                                        : total <= 19 ? "MODERATELY_SEVERE" : "SEVERE";
        List<String> flags = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        RiskLevel risk = RiskLevel.NONE;
        if (answers.get(8) > 0) {
            flags.add("ITEM9_POSITIVE");
            risk = RiskLevel.MODERATE;
            actions.add(SAME_DAY_ASSESSMENT);
            actions.add(CRISIS_LINE);
        }
        if (total >= FURTHER_EVALUATION_AT) {
            flags.add("FURTHER_EVALUATION_WARRANTED");
        }
        return new Score(total, severity, risk, flags, actions);
    }

    /**
     * GAD-7 (Spitzer et al., Arch Intern Med 2006): bands 0-4, 5-9, 10-14, 15-21. It does not
     * assess suicide risk.
     */
    static Score gad7(List<Integer> answers) {
        int total = answers.stream().mapToInt(Integer::intValue).sum();
        String severity =
                total <= 4 ? "MINIMAL" : total <= 9 ? "MILD" : total <= 14 ? "MODERATE" : "SEVERE";
        List<String> flags =
                total >= FURTHER_EVALUATION_AT
                        ? List.of("FURTHER_EVALUATION_WARRANTED")
                        : List.of();
        return new Score(total, severity, null, flags, List.of());
    }

    /**
     * C-SSRS screener, Columbia triage guidance: Q1/Q2 only -> LOW; Q3 -> MODERATE; Q4 or Q5 ->
     * HIGH; suicidal behaviour within 3 months -> HIGH, longer ago -> MODERATE.
     */
    static Score cssrs(SubmitAssessment.CssrsAnswers answers) {
        checkSkipLogic(answers);
        RiskLevel risk = RiskLevel.NONE;
        List<String> flags = new ArrayList<>();
        if (answers.wishToBeDead() || answers.nonSpecificActiveThoughts()) {
            risk = risk.atLeast(RiskLevel.LOW);
            flags.add("SUICIDAL_IDEATION");
        }
        if (yes(answers.thoughtsWithMethod())) {
            risk = risk.atLeast(RiskLevel.MODERATE);
            flags.add("IDEATION_WITH_METHOD");
        }
        if (yes(answers.intentWithoutPlan()) || yes(answers.intentWithPlan())) {
            risk = risk.atLeast(RiskLevel.HIGH);
            flags.add(yes(answers.intentWithPlan()) ? "INTENT_WITH_PLAN" : "INTENT_WITHOUT_PLAN");
        }
        if (answers.suicidalBehavior()) {
            boolean recent = yes(answers.suicidalBehaviorWithin3Months());
            risk = risk.atLeast(recent ? RiskLevel.HIGH : RiskLevel.MODERATE);
            flags.add(recent ? "RECENT_SUICIDAL_BEHAVIOR" : "PAST_SUICIDAL_BEHAVIOR");
        }
        List<String> actions =
                switch (risk) {
                    case NONE -> List.of();
                    case LOW, MODERATE -> List.of(FOLLOW_UP, CRISIS_LINE);
                    case HIGH -> List.of(IMMEDIATE_SAFETY, CRISIS_LINE);
                };
        return new Score(null, null, risk, flags, actions);
    }

    /** Q3-Q5 follow a yes to Q2 only; the 3-month question follows a yes to Q6 only. */
    private static void checkSkipLogic(SubmitAssessment.CssrsAnswers answers) {
        String[] followUps = {"thoughtsWithMethod", "intentWithoutPlan", "intentWithPlan"};
        Boolean[] values = {
            answers.thoughtsWithMethod(), answers.intentWithoutPlan(), answers.intentWithPlan()
        };
        for (int i = 0; i < followUps.length; i++) {
            if (answers.nonSpecificActiveThoughts() && values[i] == null) {
                throw new InvalidCommand(
                        "answers." + followUps[i],
                        "is required when nonSpecificActiveThoughts is true");
            }
            if (!answers.nonSpecificActiveThoughts() && yes(values[i])) {
                throw new InvalidCommand(
                        "answers." + followUps[i],
                        "is not asked when nonSpecificActiveThoughts is false: omit it");
            }
        }
        if (answers.suicidalBehavior() && answers.suicidalBehaviorWithin3Months() == null) {
            throw new InvalidCommand(
                    "answers.suicidalBehaviorWithin3Months",
                    "is required when suicidalBehavior is true");
        }
        if (!answers.suicidalBehavior() && yes(answers.suicidalBehaviorWithin3Months())) {
            throw new InvalidCommand(
                    "answers.suicidalBehaviorWithin3Months",
                    "is not asked when suicidalBehavior is false: omit it");
        }
    }

    private static boolean yes(Boolean answer) {
        return Boolean.TRUE.equals(answer);
    }
}
