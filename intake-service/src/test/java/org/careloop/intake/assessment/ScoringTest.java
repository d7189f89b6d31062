package org.careloop.intake.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.careloop.contracts.RiskLevel;
import org.careloop.platform.problem.InvalidCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScoringTest {

    @ParameterizedTest(name = "PHQ-9 total {0} is {1}")
    @CsvSource({
        "0,MINIMAL",
        "4,MINIMAL",
        "5,MILD",
        "9,MILD",
        "10,MODERATE",
        "14,MODERATE",
        "15,MODERATELY_SEVERE",
        "19,MODERATELY_SEVERE",
        "20,SEVERE",
        "24,SEVERE"
    })
    void phq9BandsAtEveryEdge(int total, String severity) {
        Score score = Scoring.phq9(answers(9, total, 0));

        assertEquals(total, score.totalScore());
        assertEquals(severity, score.severity());
        assertEquals(RiskLevel.NONE, score.riskLevel());
        assertEquals(total >= 10, score.flags().contains("FURTHER_EVALUATION_WARRANTED"));
    }

    @Test
    void phq9MaximumIsSevereAndItemNinePositive() {
        Score score = Scoring.phq9(List.of(3, 3, 3, 3, 3, 3, 3, 3, 3));

        assertEquals(27, score.totalScore());
        assertEquals("SEVERE", score.severity());
        assertEquals(RiskLevel.MODERATE, score.riskLevel());
    }

    @ParameterizedTest(name = "PHQ-9 item 9 = {0}")
    @CsvSource({"1", "2", "3"})
    void anyPositiveItemNineIsAtLeastModerateRiskWhateverTheTotal(int item9) {
        Score score = Scoring.phq9(List.of(0, 0, 0, 0, 0, 0, 0, 0, item9));

        assertEquals("MINIMAL", score.severity());
        assertEquals(RiskLevel.MODERATE, score.riskLevel());
        assertTrue(score.flags().contains("ITEM9_POSITIVE"));
        assertTrue(score.actions().contains(Scoring.SAME_DAY_ASSESSMENT));
        assertTrue(score.actions().contains(Scoring.CRISIS_LINE));
    }

    @Test
    void itemNineZeroIsNoRiskFlag() {
        Score score = Scoring.phq9(List.of(3, 3, 3, 3, 3, 3, 3, 3, 0));

        assertFalse(score.flags().contains("ITEM9_POSITIVE"));
        assertTrue(score.actions().isEmpty());
    }

    @ParameterizedTest(name = "GAD-7 total {0} is {1}")
    @CsvSource({
        "0,MINIMAL",
        "4,MINIMAL",
        "5,MILD",
        "9,MILD",
        "10,MODERATE",
        "14,MODERATE",
        "15,SEVERE",
        "21,SEVERE"
    })
    void gad7BandsAtEveryEdge(int total, String severity) {
        Score score = Scoring.gad7(answers(7, total, null));

        assertEquals(total, score.totalScore());
        assertEquals(severity, score.severity());
        assertNull(score.riskLevel(), "GAD-7 does not assess suicide risk");
        assertEquals(total >= 10, score.flags().contains("FURTHER_EVALUATION_WARRANTED"));
    }

    @ParameterizedTest(name = "C-SSRS Q1={0} Q2={1} Q3={2} Q4={3} Q5={4} Q6={5} recent={6} -> {7}")
    @CsvSource(
            nullValues = "-",
            value = {
                "false,false,-,-,-,false,-,NONE",
                "true,false,-,-,-,false,-,LOW",
                "false,true,false,false,false,false,-,LOW",
                "true,true,false,false,false,false,-,LOW",
                "true,true,true,false,false,false,-,MODERATE",
                "true,true,false,true,false,false,-,HIGH",
                "true,true,false,false,true,false,-,HIGH",
                "true,true,true,true,true,false,-,HIGH",
                "false,false,-,-,-,true,true,HIGH",
                "false,false,-,-,-,true,false,MODERATE",
                "true,false,-,-,-,true,false,MODERATE",
                "true,true,true,false,false,true,true,HIGH"
            })
    void cssrsTriageRules(
            Boolean q1,
            Boolean q2,
            Boolean q3,
            Boolean q4,
            Boolean q5,
            Boolean q6,
            Boolean recent,
            RiskLevel expected) {
        Score score =
                Scoring.cssrs(new SubmitAssessment.CssrsAnswers(q1, q2, q3, q4, q5, q6, recent));

        assertEquals(expected, score.riskLevel());
        assertEquals(expected != RiskLevel.NONE, score.actions().contains(Scoring.CRISIS_LINE));
        assertEquals(
                expected == RiskLevel.HIGH, score.actions().contains(Scoring.IMMEDIATE_SAFETY));
    }

    @Test
    void cssrsFollowUpsAnsweredYesAfterANoToQuestionTwoAreRejected() {
        InvalidCommand rejected =
                assertThrows(
                        InvalidCommand.class,
                        () ->
                                Scoring.cssrs(
                                        new SubmitAssessment.CssrsAnswers(
                                                true, false, true, null, null, false, null)));

        assertEquals("answers.thoughtsWithMethod", rejected.problem().errors().get(0).field());
    }

    @Test
    void cssrsFollowUpsAreRequiredAfterAYesToQuestionTwo() {
        InvalidCommand rejected =
                assertThrows(
                        InvalidCommand.class,
                        () ->
                                Scoring.cssrs(
                                        new SubmitAssessment.CssrsAnswers(
                                                true, true, false, null, false, false, null)));

        assertEquals("answers.intentWithoutPlan", rejected.problem().errors().get(0).field());
    }

    @Test
    void cssrsRecencyIsRequiredAfterBehaviourAndRefusedWithoutIt() {
        assertEquals(
                "answers.suicidalBehaviorWithin3Months",
                assertThrows(
                                InvalidCommand.class,
                                () ->
                                        Scoring.cssrs(
                                                new SubmitAssessment.CssrsAnswers(
                                                        false, false, null, null, null, true,
                                                        null)))
                        .problem()
                        .errors()
                        .get(0)
                        .field());
        assertEquals(
                "answers.suicidalBehaviorWithin3Months",
                assertThrows(
                                InvalidCommand.class,
                                () ->
                                        Scoring.cssrs(
                                                new SubmitAssessment.CssrsAnswers(
                                                        false, false, null, null, null, false,
                                                        true)))
                        .problem()
                        .errors()
                        .get(0)
                        .field());
    }

    /** Answers of the given count adding up to the total, with the last item fixed when asked. */
    private static List<Integer> answers(int count, int total, Integer last) {
        List<Integer> answers = new ArrayList<>();
        int remaining = total - (last == null ? 0 : last);
        int free = last == null ? count : count - 1;
        for (int i = 0; i < free; i++) {
            int value = Math.min(3, remaining);
            answers.add(value);
            remaining -= value;
        }
        if (last != null) {
            answers.add(last);
        }
        if (remaining != 0) {
            throw new IllegalArgumentException("cannot reach " + total);
        }
        return answers;
    }
}
