package org.careloop.treatment.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.careloop.contracts.treatment.Diagnosis;

/**
 * One version of a plan as written, its parts numbered by position: problem "1", its goal "1.2",
 * that goal's objective "1.2.3". Sessions name the objectives they addressed by these numbers.
 */
public record PlanContent(
        List<Diagnosis> diagnoses,
        LevelOfCare levelOfCare,
        List<Problem> problems,
        String dischargeCriteria) {

    public record Problem(String id, String statement, List<Goal> goals) {}

    public record Goal(
            String id,
            String statement,
            Measure measure,
            LocalDate targetDate,
            List<Objective> objectives) {}

    public record Measure(Instrument instrument, int below) {}

    public record Objective(
            String id, String statement, LocalDate targetDate, List<Intervention> interventions) {}

    public record Intervention(
            String description, Modality modality, String frequency, String responsibleClinician) {}

    public Stream<Goal> goals() {
        return problems.stream().flatMap(p -> p.goals().stream());
    }

    public Stream<Objective> objectives() {
        return goals().flatMap(g -> g.objectives().stream());
    }
}
