package org.careloop.treatment.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.careloop.contracts.treatment.Diagnosis;

/** A plan as the API shows it: where it stands, and every version written. */
public record PlanView(
        UUID planId,
        UUID clientId,
        String status,
        int activeVersion,
        int latestVersion,
        String pendingStatus,
        List<Diagnosis> diagnoses,
        LocalDate reviewDueOn,
        Instant reviewDueAt,
        boolean reviewOverdue,
        ReviewRequired reviewRequired,
        List<Version> versions) {

    /** Why the plan must be reviewed before its date. */
    public record ReviewRequired(String reason, Instant at) {}

    /** One version, as written and signed. */
    public record Version(
            int version,
            String status,
            String author,
            boolean cosignatureRequired,
            String supervisor,
            PlanContent content,
            List<PlanJson.Signature> signatures,
            List<PlanJson.GoalStanding> measuredGoals,
            Instant draftedAt,
            Instant approvedAt,
            LocalDate reviewDueOn) {

        static Version of(PlanVersionRecord v) {
            return new Version(
                    v.version,
                    v.status,
                    v.author,
                    !v.authorLicensed,
                    v.authorSupervisor,
                    PlanJson.content(v.content),
                    PlanJson.signatures(v.signatures),
                    PlanJson.goals(v.goalsMet),
                    v.draftedAt,
                    v.approvedAt,
                    v.reviewDueOn);
        }
    }

    static PlanView of(PlanRecord plan, List<PlanVersionRecord> versions) {
        return new PlanView(
                plan.planId,
                plan.clientId,
                plan.status,
                plan.activeVersion,
                plan.latestVersion,
                plan.pendingStatus,
                PlanJson.diagnoses(plan.diagnoses),
                plan.reviewDueOn,
                plan.reviewDueAt,
                plan.reviewOverdue,
                plan.reviewRequiredReason == null
                        ? null
                        : new ReviewRequired(plan.reviewRequiredReason, plan.reviewRequiredAt),
                versions.stream().map(Version::of).toList());
    }
}
