package org.careloop.treatment.plan;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.careloop.platform.problem.FreeText;

/**
 * A treatment plan as its author writes it: diagnoses (primary first), problems with measurable
 * goals, objectives and the interventions that serve them, the level of care and when treatment
 * ends.
 */
public record WritePlan(
        @NotEmpty @Size(max = 12) List<@NotNull @Valid DiagnosisEntry> diagnoses,
        @NotNull LevelOfCare levelOfCare,
        @NotEmpty @Size(max = 10) List<@NotNull @Valid ProblemEntry> problems,
        @NotBlank @Size(max = 2000) @FreeText String dischargeCriteria) {

    /** An ICD-10-CM code: a letter, two characters, then optionally a dot and up to four more. */
    public record DiagnosisEntry(
            @NotBlank
                    @Pattern(
                            regexp = "[A-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4})?",
                            message = "must be an ICD-10-CM code such as F33.1")
                    String code,
            @Size(max = 200) String description) {}

    public record ProblemEntry(
            @NotBlank @Size(max = 1000) @FreeText String statement,
            @NotEmpty @Size(max = 10) List<@NotNull @Valid GoalEntry> goals) {}

    /** A goal; {@code measure} makes the scores decide whether it is met. */
    public record GoalEntry(
            @NotBlank @Size(max = 1000) @FreeText String statement,
            @Valid MeasureEntry measure,
            LocalDate targetDate,
            @NotEmpty @Size(max = 10) List<@NotNull @Valid ObjectiveEntry> objectives) {}

    /** "PHQ-9 below 10": met while the latest score is below the threshold. */
    public record MeasureEntry(
            @NotNull Instrument instrument, @NotNull @Min(1) @Max(27) Integer below) {}

    public record ObjectiveEntry(
            @NotBlank @Size(max = 1000) @FreeText String statement,
            LocalDate targetDate,
            @NotEmpty @Size(max = 10) List<@NotNull @Valid InterventionEntry> interventions) {}

    public record InterventionEntry(
            @NotBlank @Size(max = 500) @FreeText String description,
            @NotNull Modality modality,
            @NotBlank @Size(max = 100) String frequency,
            @NotBlank @Size(max = 64) String responsibleClinician) {}
}
