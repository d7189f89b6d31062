package org.careloop.intake.assessment;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careloop.platform.problem.InvalidCommand;

/**
 * Decides what a submitted assessment records. Pure: the time and the people come in as arguments.
 */
public final class AssessmentDecider {

    /** Tolerated lead of the entering device's clock over ours. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private AssessmentDecider() {}

    public static AssessmentEvent.AssessmentCompleted complete(
            UUID assessmentId,
            UUID clientId,
            SubmitAssessment submission,
            String administeredBy,
            Instant now) {
        Instant administeredAt =
                submission.administeredAt() == null ? now : submission.administeredAt();
        if (administeredAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidCommand("administeredAt", "must not be in the future");
        }
        Score score = Scoring.score(submission);
        List<Integer> items = null;
        Integer difficulty = null;
        Map<String, Boolean> screener = null;
        Map<String, String> sections = null;
        List<SubmitAssessment.Diagnosis> diagnoses = List.of();
        String instrument;
        if (submission instanceof SubmitAssessment.Phq9 phq9) {
            instrument = "PHQ-9";
            items = List.copyOf(phq9.answers());
            difficulty = phq9.difficulty();
        } else if (submission instanceof SubmitAssessment.Gad7 gad7) {
            instrument = "GAD-7";
            items = List.copyOf(gad7.answers());
        } else if (submission instanceof SubmitAssessment.CssrsScreener cssrs) {
            instrument = "C-SSRS-SCREENER";
            screener = answers(cssrs.answers());
        } else {
            SubmitAssessment.Biopsychosocial bps = (SubmitAssessment.Biopsychosocial) submission;
            instrument = "BIOPSYCHOSOCIAL";
            sections = sections(bps);
            diagnoses = List.copyOf(bps.diagnoses());
        }
        return new AssessmentEvent.AssessmentCompleted(
                assessmentId,
                clientId,
                instrument,
                administeredAt,
                administeredBy,
                now,
                items,
                difficulty,
                screener,
                sections,
                diagnoses,
                score.totalScore(),
                score.severity(),
                score.riskLevel(),
                score.flags(),
                score.actions());
    }

    /** The questions answered, in the screener's order; unasked questions are left out. */
    private static Map<String, Boolean> answers(SubmitAssessment.CssrsAnswers a) {
        Map<String, Boolean> answers = new LinkedHashMap<>();
        answers.put("wishToBeDead", a.wishToBeDead());
        answers.put("nonSpecificActiveThoughts", a.nonSpecificActiveThoughts());
        putIfAsked(answers, "thoughtsWithMethod", a.thoughtsWithMethod());
        putIfAsked(answers, "intentWithoutPlan", a.intentWithoutPlan());
        putIfAsked(answers, "intentWithPlan", a.intentWithPlan());
        answers.put("suicidalBehavior", a.suicidalBehavior());
        putIfAsked(answers, "suicidalBehaviorWithin3Months", a.suicidalBehaviorWithin3Months());
        return answers;
    }

    private static Map<String, String> sections(SubmitAssessment.Biopsychosocial b) {
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("presentingProblem", b.presentingProblem());
        putIfAsked(sections, "psychiatricHistory", b.psychiatricHistory());
        putIfAsked(sections, "medicalHistory", b.medicalHistory());
        putIfAsked(sections, "substanceUse", b.substanceUse());
        putIfAsked(sections, "trauma", b.trauma());
        putIfAsked(sections, "strengths", b.strengths());
        putIfAsked(sections, "functionalImpairment", b.functionalImpairment());
        putIfAsked(sections, "socialDeterminants", b.socialDeterminants());
        return sections;
    }

    private static <T> void putIfAsked(Map<String, T> map, String key, T value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
