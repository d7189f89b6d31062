package org.careloop.treatment.plan;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.careloop.contracts.treatment.Diagnosis;
import org.careloop.platform.problem.InvalidCommand;
import org.careloop.platform.problem.Refused;

/**
 * The rules of a treatment plan (clinical reference, "Treatment plans"): measurable goals,
 * interventions with a responsible clinician of the care team, the client's participation by
 * signature, a licensed supervisor's co-signature on an associate's or trainee's plan, and a review
 * on a clock. Pure: the time, the care team and the review interval are passed in.
 */
public final class PlanDecider {

    private PlanDecider() {}

    /** A first version (on a new plan) or a revision (on an existing one). */
    public static List<PlanEvent> draft(
            PlanState state,
            UUID planId,
            UUID clientId,
            WritePlan command,
            PlanAuthor author,
            Set<String> careTeam,
            Instant now) {
        if (state.closed()) {
            throw Refused.conflict("plan-closed", "the plan is closed: the client was discharged");
        }
        if (!careTeam.contains(author.username())) {
            throw Refused.forbidden(
                    "not-on-care-team", author.username() + " is not on this client's care team");
        }
        PlanContent content = content(command, careTeam);
        return List.of(
                new PlanEvent.Drafted(
                        planId,
                        clientId,
                        state.latestVersion() + 1,
                        author.username(),
                        author.licensed(),
                        author.licensed() ? null : author.supervisor(),
                        content,
                        now));
    }

    /**
     * A signature on the version being signed; the last one required approves it.
     *
     * @param signerOnCareTeam whether the signer (for CLIENT: the clinician recording it) is on the
     *     client's care team
     */
    public static List<PlanEvent> sign(
            PlanState state,
            SignPlan command,
            String signer,
            boolean signerOnCareTeam,
            Duration reviewInterval,
            ZoneId clinicZone,
            Instant now) {
        if (state.closed()) {
            throw Refused.conflict("plan-closed", "the plan is closed: the client was discharged");
        }
        PlanEvent.Drafted pending = state.pending();
        if (pending == null) {
            throw Refused.conflict(
                    "nothing-to-sign",
                    "version "
                            + state.activeVersion()
                            + " is already active: write a revision to change it");
        }
        Set<SignerRole> signed = state.signatures();
        SignerRole role = command.role();
        if (signed.contains(role)) {
            throw Refused.conflict(
                    "already-signed",
                    "version " + pending.version() + " already has the " + role + " signature");
        }
        SignatureMethod method = command.method();
        String witness = blankToNull(command.witness());
        switch (role) {
            case AUTHOR -> {
                if (!signer.equals(pending.author())) {
                    throw Refused.forbidden(
                            "wrong-signer",
                            "only the author, " + pending.author() + ", signs as AUTHOR");
                }
                method = SignatureMethod.ELECTRONIC;
                witness = null;
            }
            case CLIENT -> {
                if (!signerOnCareTeam) {
                    throw Refused.forbidden(
                            "wrong-signer",
                            "the client's signature is recorded by a clinician of their care team");
                }
                if (!signed.contains(SignerRole.AUTHOR)) {
                    throw Refused.conflict("out-of-order", "the author signs before the client");
                }
                if (method == null) {
                    throw new InvalidCommand(
                            "method",
                            "is required for the client's signature: IN_PERSON, ELECTRONIC or VERBAL_TELEHEALTH");
                }
                if (method == SignatureMethod.VERBAL_TELEHEALTH && witness == null) {
                    throw new InvalidCommand(
                            "witness", "is required for a verbal signature over telehealth");
                }
            }
            case SUPERVISOR -> {
                if (pending.authorLicensed()) {
                    throw Refused.conflict(
                            "cosignature-not-required",
                            pending.author() + " is licensed: the plan needs no co-signature");
                }
                if (!signer.equals(pending.authorSupervisor())) {
                    throw Refused.forbidden(
                            "wrong-signer",
                            "only "
                                    + pending.author()
                                    + "'s supervisor, "
                                    + pending.authorSupervisor()
                                    + ", co-signs");
                }
                if (!signed.contains(SignerRole.CLIENT)) {
                    throw Refused.conflict(
                            "out-of-order",
                            "the supervisor co-signs after the author's and the client's signatures");
                }
                method = SignatureMethod.ELECTRONIC;
                witness = null;
            }
        }
        List<PlanEvent> events = new ArrayList<>();
        events.add(
                new PlanEvent.Signed(
                        state.planId(),
                        state.clientId(),
                        pending.version(),
                        role,
                        signer,
                        method,
                        witness,
                        now));
        Set<SignerRole> after = new HashSet<>(signed);
        after.add(role);
        boolean complete =
                after.contains(SignerRole.AUTHOR)
                        && after.contains(SignerRole.CLIENT)
                        && (pending.authorLicensed() || after.contains(SignerRole.SUPERVISOR));
        if (complete) {
            Instant dueAt = now.plus(reviewInterval);
            events.add(
                    new PlanEvent.Approved(
                            state.planId(),
                            state.clientId(),
                            pending.version(),
                            pending.authorLicensed() ? null : pending.authorSupervisor(),
                            now,
                            dueAt,
                            dueAt.atZone(clinicZone).toLocalDate()));
        }
        return events;
    }

    /** The review deadline of {@code version} fell due; nothing when that version is no more. */
    public static List<PlanEvent> reviewDue(PlanState state, int version, Instant now) {
        if (!state.active() || state.activeVersion() != version || state.reviewDueRecorded()) {
            return List.of();
        }
        return List.of(
                new PlanEvent.ReviewDue(
                        state.planId(),
                        state.clientId(),
                        version,
                        state.reviewDueOn(),
                        state.reviewDueAt()));
    }

    /** A risk escalation puts the active plan up for review, once per risk episode. */
    public static List<PlanEvent> reviewRequired(
            PlanState state, String reason, UUID riskEpisodeId, Instant now) {
        if (!state.active()) {
            return List.of();
        }
        if (state.reviewRequired()
                && riskEpisodeId != null
                && riskEpisodeId.equals(state.reviewRequiredFor())) {
            return List.of();
        }
        return List.of(
                new PlanEvent.ReviewRequired(
                        state.planId(),
                        state.clientId(),
                        state.activeVersion(),
                        reason,
                        riskEpisodeId,
                        now));
    }

    /**
     * A score arrived: each measured goal of the active version on that instrument is met while the
     * latest score is below its threshold.
     */
    public static List<PlanEvent> scored(
            PlanState state, Instrument instrument, int score, UUID assessmentId, Instant at) {
        if (!state.active()) {
            return List.of();
        }
        List<PlanEvent> events = new ArrayList<>();
        state.activeContent()
                .goals()
                .filter(g -> g.measure() != null && g.measure().instrument() == instrument)
                .forEach(
                        goal -> {
                            int below = goal.measure().below();
                            boolean met = score < below;
                            boolean wasMet = state.goalsMet().contains(goal.id());
                            if (met && !wasMet) {
                                events.add(
                                        new PlanEvent.GoalMet(
                                                state.planId(),
                                                state.clientId(),
                                                state.activeVersion(),
                                                goal.id(),
                                                instrument,
                                                below,
                                                score,
                                                assessmentId,
                                                at));
                            } else if (!met && wasMet) {
                                events.add(
                                        new PlanEvent.GoalNoLongerMet(
                                                state.planId(),
                                                state.clientId(),
                                                state.activeVersion(),
                                                goal.id(),
                                                instrument,
                                                below,
                                                score,
                                                assessmentId,
                                                at));
                            }
                        });
        return events;
    }

    public static List<PlanEvent> close(PlanState state, String reason, String by, Instant now) {
        if (!state.exists() || state.closed()) {
            return List.of();
        }
        return List.of(new PlanEvent.Closed(state.planId(), state.clientId(), reason, now, by));
    }

    private static PlanContent content(WritePlan command, Set<String> careTeam) {
        Set<String> codes = new HashSet<>();
        List<Diagnosis> diagnoses = new ArrayList<>();
        for (int i = 0; i < command.diagnoses().size(); i++) {
            WritePlan.DiagnosisEntry entry = command.diagnoses().get(i);
            if (!codes.add(entry.code())) {
                throw new InvalidCommand(
                        "diagnoses[" + i + "].code", entry.code() + " is listed twice");
            }
            diagnoses.add(new Diagnosis(entry.code(), blankToNull(entry.description())));
        }
        List<PlanContent.Problem> problems = new ArrayList<>();
        for (int p = 0; p < command.problems().size(); p++) {
            WritePlan.ProblemEntry problem = command.problems().get(p);
            String problemId = String.valueOf(p + 1);
            List<PlanContent.Goal> goals = new ArrayList<>();
            for (int g = 0; g < problem.goals().size(); g++) {
                WritePlan.GoalEntry goal = problem.goals().get(g);
                String goalField = "problems[" + p + "].goals[" + g + "]";
                String goalId = problemId + "." + (g + 1);
                PlanContent.Measure measure = null;
                if (goal.measure() != null) {
                    Instrument instrument = goal.measure().instrument();
                    int below = goal.measure().below();
                    if (below > instrument.highest()) {
                        throw new InvalidCommand(
                                goalField + ".measure.below",
                                "must be at most "
                                        + instrument.highest()
                                        + ", the highest "
                                        + instrument.label()
                                        + " total");
                    }
                    measure = new PlanContent.Measure(instrument, below);
                }
                List<PlanContent.Objective> objectives = new ArrayList<>();
                for (int o = 0; o < goal.objectives().size(); o++) {
                    WritePlan.ObjectiveEntry objective = goal.objectives().get(o);
                    List<PlanContent.Intervention> interventions = new ArrayList<>();
                    for (int i = 0; i < objective.interventions().size(); i++) {
                        WritePlan.InterventionEntry intervention = objective.interventions().get(i);
                        String responsible = intervention.responsibleClinician().strip();
                        if (!careTeam.contains(responsible)) {
                            throw new InvalidCommand(
                                    goalField
                                            + ".objectives["
                                            + o
                                            + "].interventions["
                                            + i
                                            + "].responsibleClinician",
                                    responsible + " is not on the client's care team");
                        }
                        interventions.add(
                                new PlanContent.Intervention(
                                        intervention.description().strip(),
                                        intervention.modality(),
                                        intervention.frequency().strip(),
                                        responsible));
                    }
                    objectives.add(
                            new PlanContent.Objective(
                                    goalId + "." + (o + 1),
                                    objective.statement().strip(),
                                    objective.targetDate(),
                                    interventions));
                }
                goals.add(
                        new PlanContent.Goal(
                                goalId,
                                goal.statement().strip(),
                                measure,
                                goal.targetDate(),
                                objectives));
            }
            problems.add(new PlanContent.Problem(problemId, problem.statement().strip(), goals));
        }
        return new PlanContent(
                diagnoses, command.levelOfCare(), problems, command.dischargeCriteria().strip());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
