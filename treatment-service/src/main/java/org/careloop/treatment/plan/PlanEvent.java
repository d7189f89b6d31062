package org.careloop.treatment.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.careloop.contracts.EventType;

/** What happened to a client's treatment plan, all its versions in one stream. */
public sealed interface PlanEvent {

    String STREAM = "treatment-plan";

    UUID planId();

    UUID clientId();

    /**
     * A new version written; the author's licence and supervisor as they stood then decide who must
     * co-sign it.
     */
    @EventType("treatment.plan.Drafted")
    record Drafted(
            UUID planId,
            UUID clientId,
            int version,
            String author,
            boolean authorLicensed,
            String authorSupervisor,
            PlanContent content,
            Instant draftedAt)
            implements PlanEvent {}

    @EventType("treatment.plan.Signed")
    record Signed(
            UUID planId,
            UUID clientId,
            int version,
            SignerRole role,
            String signer,
            SignatureMethod method,
            String witness,
            Instant signedAt)
            implements PlanEvent {}

    /** Every signature in: the version is the active plan until the next one. */
    @EventType("treatment.plan.Approved")
    record Approved(
            UUID planId,
            UUID clientId,
            int version,
            String cosignedBy,
            Instant approvedAt,
            Instant reviewDueAt,
            LocalDate reviewDueOn)
            implements PlanEvent {}

    @EventType("treatment.plan.ReviewDue")
    record ReviewDue(UUID planId, UUID clientId, int version, LocalDate reviewDueOn, Instant dueAt)
            implements PlanEvent {}

    @EventType("treatment.plan.ReviewRequired")
    record ReviewRequired(
            UUID planId,
            UUID clientId,
            int version,
            String reason,
            UUID riskEpisodeId,
            Instant requiredAt)
            implements PlanEvent {}

    @EventType("treatment.plan.GoalMet")
    record GoalMet(
            UUID planId,
            UUID clientId,
            int version,
            String goalId,
            Instrument instrument,
            int below,
            int score,
            UUID assessmentId,
            Instant at)
            implements PlanEvent {}

    @EventType("treatment.plan.GoalNoLongerMet")
    record GoalNoLongerMet(
            UUID planId,
            UUID clientId,
            int version,
            String goalId,
            Instrument instrument,
            int below,
            int score,
            UUID assessmentId,
            Instant at)
            implements PlanEvent {}

    @EventType("treatment.plan.Closed")
    record Closed(UUID planId, UUID clientId, String reason, Instant closedAt, String by)
            implements PlanEvent {}
}
