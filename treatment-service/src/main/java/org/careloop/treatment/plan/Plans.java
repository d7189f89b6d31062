package org.careloop.treatment.plan;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.careloop.contracts.IntegrationEvent;
import org.careloop.contracts.intake.AssessmentCompleted;
import org.careloop.contracts.risk.RiskEscalated;
import org.careloop.contracts.treatment.GoalMet;
import org.careloop.contracts.treatment.GoalNoLongerMet;
import org.careloop.contracts.treatment.TreatmentPlanApproved;
import org.careloop.contracts.treatment.TreatmentPlanReviewDue;
import org.careloop.contracts.treatment.TreatmentPlanReviewRequired;
import org.careloop.platform.command.Commands;
import org.careloop.platform.command.Decision;
import org.careloop.platform.command.History;
import org.careloop.platform.deadline.Deadline;
import org.careloop.platform.deadline.Deadlines;
import org.careloop.platform.eventstore.StreamId;
import org.careloop.platform.problem.Refused;
import org.careloop.treatment.careteam.CareTeamCommands;
import org.careloop.treatment.careteam.CareTeamMember;
import org.careloop.treatment.careteam.CareTeams;
import org.careloop.treatment.staff.StaffRoster;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the plan commands, and what other events mean for a plan: a due review, a risk escalation, a
 * new score. Every method runs in the caller's transaction.
 */
@ApplicationScoped
public class Plans {

    /** The deadline kind of a plan's review date. */
    public static final String REVIEW = "plan-review";

    private final Commands commands;
    private final CareTeamCommands careTeam;
    private final CareTeams careTeams;
    private final StaffRoster roster;
    private final TreatmentPlans plans;
    private final Deadlines deadlines;
    private final Clock clock;
    private final Duration reviewInterval;
    private final ZoneId clinicZone;

    Plans(
            Commands commands,
            CareTeamCommands careTeam,
            CareTeams careTeams,
            StaffRoster roster,
            TreatmentPlans plans,
            Deadlines deadlines,
            Clock clock,
            @ConfigProperty(name = "careloop.plans.review-interval") Duration reviewInterval,
            @ConfigProperty(name = "careloop.clinic.time-zone") ZoneId clinicZone) {
        this.commands = commands;
        this.careTeam = careTeam;
        this.careTeams = careTeams;
        this.roster = roster;
        this.plans = plans;
        this.deadlines = deadlines;
        this.clock = clock;
        this.reviewInterval = reviewInterval;
        this.clinicZone = clinicZone;
    }

    /** A client's first plan, or the next after a discharge; returns the new plan's id. */
    public Uni<UUID> write(UUID clientId, WritePlan command, String author) {
        UUID planId = UUID.randomUUID();
        Instant now = clock.instant();
        return careTeam.requireClient(clientId)
                .flatMap(client -> authorAndTeam(clientId, author))
                .call(
                        facts -> {
                            if (!facts.team().contains(author)) {
                                throw Refused.forbidden(
                                        "not-on-care-team",
                                        author + " is not on this client's care team");
                            }
                            return plans.openPlanOf(clientId)
                                    .invoke(
                                            open -> {
                                                if (open != null) {
                                                    throw Refused.conflict(
                                                            "open-plan",
                                                            "the client has plan "
                                                                    + open.planId
                                                                    + " open: write a revision of it");
                                                }
                                            });
                        })
                .flatMap(
                        facts ->
                                record(
                                        History.of(stream(planId)),
                                        state ->
                                                PlanDecider.draft(
                                                        state,
                                                        planId,
                                                        clientId,
                                                        command,
                                                        facts.author(),
                                                        facts.team(),
                                                        now),
                                        author))
                .replaceWith(planId);
    }

    /** A new version of an existing plan, to be signed again; earlier versions stay readable. */
    public Uni<Void> revise(UUID planId, WritePlan command, String author) {
        Instant now = clock.instant();
        return existing(planId)
                .flatMap(
                        plan ->
                                authorAndTeam(plan.clientId, author)
                                        .flatMap(
                                                facts ->
                                                        decide(
                                                                planId,
                                                                state ->
                                                                        PlanDecider.draft(
                                                                                state,
                                                                                planId,
                                                                                plan.clientId,
                                                                                command,
                                                                                facts.author(),
                                                                                facts.team(),
                                                                                now),
                                                                author)));
    }

    public Uni<Void> sign(UUID planId, SignPlan command, String signer) {
        Instant now = clock.instant();
        return existing(planId)
                .flatMap(plan -> careTeams.includes(plan.clientId, signer))
                .flatMap(
                        onTeam ->
                                decide(
                                        planId,
                                        state ->
                                                PlanDecider.sign(
                                                        state,
                                                        command,
                                                        signer,
                                                        onTeam,
                                                        reviewInterval,
                                                        clinicZone,
                                                        now),
                                        signer));
    }

    /** The review date of a plan version came. */
    public Uni<Void> reviewDue(Deadline deadline, Instant now) {
        return decide(
                        deadline.streamId,
                        state -> PlanDecider.reviewDue(state, deadline.step, now),
                        "plan-review-clock")
                .call(() -> deadlines.clear(REVIEW, deadline.streamId));
    }

    /** A risk escalation puts the client's active plan up for review. */
    public Uni<Void> riskEscalated(RiskEscalated escalated) {
        String reason = "Risk rose to " + escalated.level() + ": " + escalated.reason();
        return onOpenPlan(
                escalated.clientId(),
                state ->
                        PlanDecider.reviewRequired(
                                state, reason, escalated.episodeId(), clock.instant()),
                "risk-escalation");
    }

    /** A screening score may meet (or no longer meet) a measured goal of the active plan. */
    public Uni<Void> scored(AssessmentCompleted assessment) {
        Instrument instrument;
        try {
            instrument = Instrument.of(assessment.instrument());
        } catch (IllegalArgumentException notMeasured) {
            return Uni.createFrom().voidItem();
        }
        if (assessment.totalScore() == null) {
            return Uni.createFrom().voidItem();
        }
        return onOpenPlan(
                assessment.clientId(),
                state ->
                        PlanDecider.scored(
                                state,
                                instrument,
                                assessment.totalScore(),
                                assessment.assessmentId(),
                                assessment.administeredAt()),
                "intake-screen");
    }

    /** The client was discharged: the open plan closes and its review clock stops. */
    public Uni<Void> close(UUID clientId, String reason, String by) {
        Instant now = clock.instant();
        return plans.openPlanOf(clientId)
                .flatMap(
                        open ->
                                open == null
                                        ? Uni.createFrom().voidItem()
                                        : decide(
                                                        open.planId,
                                                        state ->
                                                                PlanDecider.close(
                                                                        state, reason, by, now),
                                                        by)
                                                .call(() -> deadlines.clear(REVIEW, open.planId)));
    }

    private Uni<Void> onOpenPlan(
            UUID clientId, Function<PlanState, List<PlanEvent>> decider, String actor) {
        return plans.openPlanOf(clientId)
                .flatMap(
                        open ->
                                open == null
                                        ? Uni.createFrom().voidItem()
                                        : decide(open.planId, decider, actor));
    }

    /** Loads the plan's stream, decides on it and records the decision. */
    private Uni<Void> decide(
            UUID planId, Function<PlanState, List<PlanEvent>> decider, String actor) {
        return load(planId).flatMap(history -> record(history, decider, actor));
    }

    private Uni<PlanRecord> existing(UUID planId) {
        return plans.find(planId)
                .map(
                        plan -> {
                            if (plan == null) {
                                throw Refused.notFound("plan", "no plan " + planId);
                            }
                            return plan;
                        });
    }

    private record AuthorAndTeam(PlanAuthor author, Set<String> team) {}

    private Uni<AuthorAndTeam> authorAndTeam(UUID clientId, String author) {
        return roster.find(author)
                .flatMap(
                        member -> {
                            if (member == null) {
                                throw Refused.forbidden(
                                        "no-staff-record",
                                        author
                                                + " has no staff record: a supervisor records the credential first");
                            }
                            PlanAuthor planAuthor =
                                    new PlanAuthor(author, member.licensed, member.supervisor);
                            return careTeams
                                    .of(clientId)
                                    .map(
                                            members ->
                                                    new AuthorAndTeam(
                                                            planAuthor,
                                                            members.stream()
                                                                    .map(
                                                                            (CareTeamMember m) ->
                                                                                    m.clinician)
                                                                    .collect(Collectors.toSet())));
                        });
    }

    private Uni<History<PlanEvent>> load(UUID planId) {
        return commands.load(stream(planId), PlanEvent.class);
    }

    private Uni<Void> record(
            History<PlanEvent> history, Function<PlanState, List<PlanEvent>> decide, String actor) {
        PlanState before = PlanState.of(history.events());
        List<PlanEvent> events = decide.apply(before);
        List<IntegrationEvent> publish = new ArrayList<>();
        for (PlanEvent event : events) {
            IntegrationEvent contract = toContract(before, event);
            if (contract != null) {
                publish.add(contract);
            }
        }
        return commands.record(history, new Decision<>(events, publish), actor)
                .call(
                        recorded -> {
                            Uni<Void> chain = Uni.createFrom().voidItem();
                            for (PlanEvent event : events) {
                                if (event instanceof PlanEvent.Approved approved) {
                                    chain =
                                            chain.call(
                                                    () ->
                                                            deadlines.set(
                                                                    REVIEW,
                                                                    approved.planId(),
                                                                    approved.version(),
                                                                    approved.reviewDueAt()));
                                }
                            }
                            return chain;
                        })
                .replaceWithVoid();
    }

    private static IntegrationEvent toContract(PlanState before, PlanEvent event) {
        return switch (event) {
            case PlanEvent.Approved a ->
                    new TreatmentPlanApproved(
                            a.clientId(),
                            a.planId(),
                            a.version(),
                            before.pending().author(),
                            a.cosignedBy(),
                            before.pending().content().diagnoses(),
                            before.pending().content().levelOfCare().name(),
                            a.approvedAt(),
                            a.reviewDueOn());
            case PlanEvent.ReviewDue r ->
                    new TreatmentPlanReviewDue(
                            r.clientId(), r.planId(), r.version(), r.reviewDueOn(), r.dueAt());
            case PlanEvent.ReviewRequired r ->
                    new TreatmentPlanReviewRequired(
                            r.clientId(),
                            r.planId(),
                            r.version(),
                            r.reason(),
                            r.riskEpisodeId(),
                            r.requiredAt());
            case PlanEvent.GoalMet g ->
                    new GoalMet(
                            g.clientId(),
                            g.planId(),
                            g.version(),
                            g.goalId(),
                            g.instrument().label(),
                            g.below(),
                            g.score(),
                            g.assessmentId(),
                            g.at());
            case PlanEvent.GoalNoLongerMet g ->
                    new GoalNoLongerMet(
                            g.clientId(),
                            g.planId(),
                            g.version(),
                            g.goalId(),
                            g.instrument().label(),
                            g.below(),
                            g.score(),
                            g.assessmentId(),
                            g.at());
            case PlanEvent.Drafted d -> null;
            case PlanEvent.Signed s -> null;
            case PlanEvent.Closed c -> null;
        };
    }

    private static StreamId stream(UUID planId) {
        return StreamId.of(PlanEvent.STREAM, planId);
    }
}
