package org.careloop.treatment.session;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.careloop.contracts.IntegrationEvent;
import org.careloop.contracts.treatment.SessionDocumented;
import org.careloop.contracts.treatment.SessionVoided;
import org.careloop.platform.command.Commands;
import org.careloop.platform.command.Decision;
import org.careloop.platform.command.History;
import org.careloop.platform.eventstore.StreamId;
import org.careloop.platform.problem.Refused;
import org.careloop.treatment.careteam.CareTeamCommands;
import org.careloop.treatment.careteam.CareTeams;
import org.careloop.treatment.plan.ActivePlan;
import org.careloop.treatment.plan.PlanContent;
import org.careloop.treatment.plan.PlanVersions;
import org.careloop.treatment.staff.StaffRoster;

/** Runs the session commands, each in the caller's transaction. */
@ApplicationScoped
public class Sessions {

    private final Commands commands;
    private final CareTeamCommands careTeam;
    private final CareTeams careTeams;
    private final StaffRoster roster;
    private final PlanVersions plans;
    private final Clock clock;

    Sessions(
            Commands commands,
            CareTeamCommands careTeam,
            CareTeams careTeams,
            StaffRoster roster,
            PlanVersions plans,
            Clock clock) {
        this.commands = commands;
        this.careTeam = careTeam;
        this.careTeams = careTeams;
        this.roster = roster;
        this.plans = plans;
        this.clock = clock;
    }

    /** A new session's draft; returns its id. */
    public Uni<UUID> document(
            UUID clientId, DocumentSession command, String author, UUID groupSessionId) {
        return document(UUID.randomUUID(), clientId, command, author, groupSessionId);
    }

    /** A new session's draft under an id chosen by the caller (a group session's, say). */
    public Uni<UUID> document(
            UUID sessionId,
            UUID clientId,
            DocumentSession command,
            String author,
            UUID groupSessionId) {
        Instant now = clock.instant();
        return careTeam.requireClient(clientId)
                .flatMap(client -> author(author))
                .flatMap(
                        who ->
                                careTeams
                                        .includes(clientId, author)
                                        .flatMap(
                                                onTeam ->
                                                        planInForce(clientId)
                                                                .flatMap(
                                                                        plan ->
                                                                                record(
                                                                                        History.of(
                                                                                                stream(
                                                                                                        sessionId)),
                                                                                        state ->
                                                                                                SessionDecider
                                                                                                        .document(
                                                                                                                sessionId,
                                                                                                                clientId,
                                                                                                                command,
                                                                                                                who,
                                                                                                                onTeam,
                                                                                                                plan,
                                                                                                                groupSessionId,
                                                                                                                now),
                                                                                        author))))
                .replaceWith(sessionId);
    }

    public Uni<Void> sign(UUID sessionId, String signer) {
        Instant now = clock.instant();
        return onSession(
                sessionId, (state, plan) -> SessionDecider.sign(state, signer, plan, now), signer);
    }

    public Uni<Void> cosign(UUID sessionId, String signer) {
        Instant now = clock.instant();
        return onSession(
                sessionId,
                (state, plan) -> SessionDecider.cosign(state, signer, plan, now),
                signer);
    }

    public Uni<Void> addendum(UUID sessionId, String text, String by) {
        Instant now = clock.instant();
        return load(sessionId)
                .flatMap(
                        history -> {
                            SessionState state = SessionState.of(history.events());
                            if (state.drafted() == null) {
                                throw Refused.notFound("session", "no session " + sessionId);
                            }
                            SessionEvent.Drafted draft = state.drafted();
                            return careTeams
                                    .includes(draft.clientId(), by)
                                    .flatMap(
                                            onTeam ->
                                                    record(
                                                            history,
                                                            s ->
                                                                    SessionDecider.addendum(
                                                                            s,
                                                                            text,
                                                                            by,
                                                                            onTeam
                                                                                    || by.equals(
                                                                                            draft
                                                                                                    .author())
                                                                                    || by.equals(
                                                                                            draft
                                                                                                    .authorSupervisor()),
                                                                            now),
                                                            by));
                        });
    }

    public Uni<Void> voidSession(UUID sessionId, String reason, String by, boolean supervisor) {
        Instant now = clock.instant();
        return load(sessionId)
                .flatMap(
                        history -> {
                            SessionState state = SessionState.of(history.events());
                            if (state.drafted() == null) {
                                throw Refused.notFound("session", "no session " + sessionId);
                            }
                            boolean mayVoid = supervisor || by.equals(state.drafted().author());
                            return record(
                                    history,
                                    s -> SessionDecider.voidSession(s, reason, by, mayVoid, now),
                                    by);
                        });
    }

    private interface Decide {
        List<SessionEvent> apply(SessionState state, PlanInForce plan);
    }

    private Uni<Void> onSession(UUID sessionId, Decide decide, String actor) {
        return load(sessionId)
                .flatMap(
                        history -> {
                            SessionState state = SessionState.of(history.events());
                            if (state.drafted() == null) {
                                throw Refused.notFound("session", "no session " + sessionId);
                            }
                            return planInForce(state.drafted().clientId())
                                    .flatMap(
                                            plan ->
                                                    record(
                                                            history,
                                                            s -> decide.apply(s, plan),
                                                            actor));
                        });
    }

    private Uni<SessionAuthor> author(String username) {
        return roster.find(username)
                .map(
                        member -> {
                            if (member == null) {
                                throw Refused.forbidden(
                                        "no-staff-record",
                                        username
                                                + " has no staff record: a supervisor records the credential first");
                            }
                            return new SessionAuthor(username, member.licensed, member.supervisor);
                        });
    }

    private Uni<PlanInForce> planInForce(UUID clientId) {
        return plans.activeOf(clientId).map(Sessions::inForce);
    }

    private static PlanInForce inForce(ActivePlan plan) {
        if (plan == null) {
            return PlanInForce.NONE;
        }
        return new PlanInForce(
                plan.planId(),
                plan.diagnoses(),
                plan.content()
                        .objectives()
                        .map(PlanContent.Objective::id)
                        .collect(Collectors.toSet()));
    }

    private Uni<History<SessionEvent>> load(UUID sessionId) {
        return commands.load(stream(sessionId), SessionEvent.class);
    }

    private Uni<Void> record(
            History<SessionEvent> history,
            Function<SessionState, List<SessionEvent>> decide,
            String actor) {
        SessionState before = SessionState.of(history.events());
        List<SessionEvent> events = decide.apply(before);
        SessionState after = before;
        List<IntegrationEvent> publish = new java.util.ArrayList<>();
        String cosigner = null;
        for (SessionEvent event : events) {
            after = after.evolve(event);
            if (event instanceof SessionEvent.Cosigned c) {
                cosigner = c.supervisor();
            }
            IntegrationEvent contract = toContract(before, after, event, cosigner);
            if (contract != null) {
                publish.add(contract);
            }
        }
        return commands.record(history, new Decision<>(events, publish), actor).replaceWithVoid();
    }

    private static IntegrationEvent toContract(
            SessionState before, SessionState after, SessionEvent event, String cosigner) {
        return switch (event) {
            case SessionEvent.Documented d -> {
                SessionEvent.Drafted draft = after.drafted();
                yield new SessionDocumented(
                        draft.clientId(),
                        draft.sessionId(),
                        draft.type().name(),
                        draft.startedAt(),
                        draft.endedAt(),
                        (int) Duration.between(draft.startedAt(), draft.endedAt()).toMinutes(),
                        draft.modality().name(),
                        draft.clientLocation().name(),
                        draft.interactiveComplexity(),
                        draft.author(),
                        draft.authorLicensed() ? null : cosigner,
                        d.diagnoses(),
                        d.planId(),
                        draft.groupSessionId(),
                        d.documentedAt());
            }
            case SessionEvent.Voided v ->
                    before.documented()
                            ? new SessionVoided(
                                    v.clientId(), v.sessionId(), v.reason(), v.voidedAt(), v.by())
                            : null;
            default -> null;
        };
    }

    private static StreamId stream(UUID sessionId) {
        return StreamId.of(SessionEvent.STREAM, sessionId);
    }
}
