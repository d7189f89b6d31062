package org.careloop.treatment.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A plan as its deciders need it: the version being signed (if any), its signatures so far, and the
 * version in force with its review date and the goals its scores have met.
 */
public record PlanState(
        UUID planId,
        UUID clientId,
        int latestVersion,
        PlanEvent.Drafted pending,
        Set<SignerRole> signatures,
        int activeVersion,
        PlanContent activeContent,
        Instant reviewDueAt,
        LocalDate reviewDueOn,
        boolean reviewDueRecorded,
        UUID reviewRequiredFor,
        boolean reviewRequired,
        Set<String> goalsMet,
        boolean closed) {

    public static final PlanState NONE =
            new PlanState(
                    null, null, 0, null, Set.of(), 0, null, null, null, false, null, false,
                    Set.of(), false);

    public static PlanState of(List<PlanEvent> history) {
        PlanState state = NONE;
        for (PlanEvent event : history) {
            state = state.evolve(event);
        }
        return state;
    }

    public boolean exists() {
        return planId != null;
    }

    public boolean active() {
        return activeVersion > 0 && !closed;
    }

    /** The status of the version being signed. */
    public PlanStatus pendingStatus() {
        if (pending == null) {
            return null;
        }
        if (!signatures.contains(SignerRole.AUTHOR)) {
            return PlanStatus.DRAFT;
        }
        if (!signatures.contains(SignerRole.CLIENT)) {
            return PlanStatus.AWAITING_CLIENT_SIGNATURE;
        }
        return PlanStatus.AWAITING_COSIGNATURE;
    }

    public PlanState evolve(PlanEvent event) {
        return switch (event) {
            case PlanEvent.Drafted d ->
                    new PlanState(
                            d.planId(),
                            d.clientId(),
                            d.version(),
                            d,
                            Set.of(),
                            activeVersion,
                            activeContent,
                            reviewDueAt,
                            reviewDueOn,
                            reviewDueRecorded,
                            reviewRequiredFor,
                            reviewRequired,
                            goalsMet,
                            closed);
            case PlanEvent.Signed s -> {
                Set<SignerRole> signed = EnumSet.noneOf(SignerRole.class);
                signed.addAll(signatures);
                signed.add(s.role());
                yield new PlanState(
                        planId,
                        clientId,
                        latestVersion,
                        pending,
                        Set.copyOf(signed),
                        activeVersion,
                        activeContent,
                        reviewDueAt,
                        reviewDueOn,
                        reviewDueRecorded,
                        reviewRequiredFor,
                        reviewRequired,
                        goalsMet,
                        closed);
            }
            case PlanEvent.Approved a ->
                    new PlanState(
                            planId,
                            clientId,
                            latestVersion,
                            null,
                            Set.of(),
                            a.version(),
                            pending.content(),
                            a.reviewDueAt(),
                            a.reviewDueOn(),
                            false,
                            null,
                            false,
                            Set.of(),
                            closed);
            case PlanEvent.ReviewDue r -> withReviewDueRecorded();
            case PlanEvent.ReviewRequired r -> withReviewRequired(r.riskEpisodeId());
            case PlanEvent.GoalMet g -> withGoal(g.goalId(), true);
            case PlanEvent.GoalNoLongerMet g -> withGoal(g.goalId(), false);
            case PlanEvent.Closed c ->
                    new PlanState(
                            planId,
                            clientId,
                            latestVersion,
                            null,
                            Set.of(),
                            activeVersion,
                            activeContent,
                            reviewDueAt,
                            reviewDueOn,
                            reviewDueRecorded,
                            reviewRequiredFor,
                            reviewRequired,
                            goalsMet,
                            true);
        };
    }

    private PlanState withReviewDueRecorded() {
        return new PlanState(
                planId,
                clientId,
                latestVersion,
                pending,
                signatures,
                activeVersion,
                activeContent,
                reviewDueAt,
                reviewDueOn,
                true,
                reviewRequiredFor,
                reviewRequired,
                goalsMet,
                closed);
    }

    private PlanState withReviewRequired(UUID episode) {
        return new PlanState(
                planId,
                clientId,
                latestVersion,
                pending,
                signatures,
                activeVersion,
                activeContent,
                reviewDueAt,
                reviewDueOn,
                reviewDueRecorded,
                episode,
                true,
                goalsMet,
                closed);
    }

    private PlanState withGoal(String goalId, boolean met) {
        Set<String> goals = new HashSet<>(goalsMet);
        if (met) {
            goals.add(goalId);
        } else {
            goals.remove(goalId);
        }
        return new PlanState(
                planId,
                clientId,
                latestVersion,
                pending,
                signatures,
                activeVersion,
                activeContent,
                reviewDueAt,
                reviewDueOn,
                reviewDueRecorded,
                reviewRequiredFor,
                reviewRequired,
                Set.copyOf(goals),
                closed);
    }
}
