package org.careloop.intake.assessment;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.careloop.platform.problem.FreeText;

/** A completed screening or assessment as entered at intake; {@code instrument} says which. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "instrument")
@JsonSubTypes({
    @JsonSubTypes.Type(value = SubmitAssessment.Phq9.class, name = "PHQ-9"),
    @JsonSubTypes.Type(value = SubmitAssessment.Gad7.class, name = "GAD-7"),
    @JsonSubTypes.Type(value = SubmitAssessment.CssrsScreener.class, name = "C-SSRS-SCREENER"),
    @JsonSubTypes.Type(value = SubmitAssessment.Biopsychosocial.class, name = "BIOPSYCHOSOCIAL")
})
public sealed interface SubmitAssessment {

    String ITEM = "each answer must be 0, 1, 2 or 3";

    /** When it was administered; absent means now. */
    Instant administeredAt();

    /** PHQ-9: nine answers 0-3 in item order, and the optional unscored difficulty item. */
    record Phq9(
            @NotNull
                    @Size(
                            min = 9,
                            max = 9,
                            message = "must have exactly 9 answers, one per item in order")
                    List<
                                    @NotNull @Min(value = 0, message = ITEM)
                                    @Max(value = 3, message = ITEM) Integer>
                            answers,
            @Min(value = 0, message = ITEM) @Max(value = 3, message = ITEM) Integer difficulty,
            Instant administeredAt)
            implements SubmitAssessment {}

    /** GAD-7: seven answers 0-3 in item order. */
    record Gad7(
            @NotNull
                    @Size(
                            min = 7,
                            max = 7,
                            message = "must have exactly 7 answers, one per item in order")
                    List<
                                    @NotNull @Min(value = 0, message = ITEM)
                                    @Max(value = 3, message = ITEM) Integer>
                            answers,
            Instant administeredAt)
            implements SubmitAssessment {}

    /**
     * The C-SSRS screener; Q3-Q5 are asked only when Q2 was yes, the 3-month follow-up only when Q6
     * was yes.
     */
    record CssrsScreener(@NotNull @Valid CssrsAnswers answers, Instant administeredAt)
            implements SubmitAssessment {}

    /** The C-SSRS screener's answers, by question. */
    record CssrsAnswers(
            @NotNull Boolean wishToBeDead,
            @NotNull Boolean nonSpecificActiveThoughts,
            Boolean thoughtsWithMethod,
            Boolean intentWithoutPlan,
            Boolean intentWithPlan,
            @NotNull Boolean suicidalBehavior,
            Boolean suicidalBehaviorWithin3Months) {}

    /**
     * A biopsychosocial assessment: structured narrative sections and the diagnoses it concluded.
     */
    record Biopsychosocial(
            @NotBlank @FreeText @Size(max = 10_000) String presentingProblem,
            @FreeText @Size(max = 10_000) String psychiatricHistory,
            @FreeText @Size(max = 10_000) String medicalHistory,
            @FreeText @Size(max = 10_000) String substanceUse,
            @FreeText @Size(max = 10_000) String trauma,
            @FreeText @Size(max = 10_000) String strengths,
            @FreeText @Size(max = 10_000) String functionalImpairment,
            @FreeText @Size(max = 10_000) String socialDeterminants,
            @NotNull @Size(max = 20) List<@NotNull @Valid Diagnosis> diagnoses,
            Instant administeredAt)
            implements SubmitAssessment {}

    /** A diagnosis coded in ICD-10-CM, the code set DSM-5-TR diagnoses are recorded in. */
    record Diagnosis(
            @NotBlank
                    @Pattern(
                            regexp = "[A-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4})?",
                            message = "must be an ICD-10-CM code such as F32.1")
                    String code,
            @NotBlank @Pattern(regexp = "ICD-10-CM", message = "must be ICD-10-CM") String system,
            @NotBlank @Size(max = 300) String description) {}
}
