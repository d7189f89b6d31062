package org.careloop.treatment.group;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.careloop.platform.command.Commands;
import org.careloop.platform.command.Decision;
import org.careloop.platform.directory.ClientDirectory;
import org.careloop.platform.eventstore.StreamId;
import org.careloop.platform.problem.InvalidCommand;
import org.careloop.platform.problem.Problem;
import org.careloop.platform.problem.ProblemException;
import org.careloop.treatment.session.Sessions;
import org.careloop.treatment.staff.StaffRoster;

/** Runs the group commands, each in the caller's transaction. */
@ApplicationScoped
public class Groups {

    private final Commands commands;
    private final StaffRoster roster;
    private final ClientDirectory clients;
    private final Sessions sessions;
    private final Clock clock;

    Groups(
            Commands commands,
            StaffRoster roster,
            ClientDirectory clients,
            Sessions sessions,
            Clock clock) {
        this.commands = commands;
        this.roster = roster;
        this.clients = clients;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** A new group; returns its id. */
    public Uni<UUID> form(FormGroup command, String by) {
        UUID groupId = UUID.randomUUID();
        Instant now = clock.instant();
        List<String> named = new ArrayList<>();
        named.add(command.facilitator());
        if (command.coFacilitators() != null) {
            named.addAll(command.coFacilitators());
        }
        return withStaffRecord(named)
                .flatMap(
                        onRecord ->
                                decide(
                                        groupId,
                                        state ->
                                                GroupDecider.form(
                                                        state, groupId, command, onRecord, by, now),
                                        by))
                .replaceWith(groupId);
    }

    public Uni<Void> join(UUID groupId, UUID clientId, String by) {
        Instant now = clock.instant();
        return clients.find(clientId)
                .flatMap(
                        client ->
                                decide(
                                        groupId,
                                        state ->
                                                GroupDecider.join(
                                                        state, clientId, client != null, by, now),
                                        by))
                .replaceWithVoid();
    }

    public Uni<Void> leave(UUID groupId, UUID clientId, String by) {
        Instant now = clock.instant();
        return decide(groupId, state -> GroupDecider.leave(state, clientId, by, now), by)
                .replaceWithVoid();
    }

    /**
     * Records the session on the group's stream, then drafts a GROUP session note for each present
     * attendee, authored by the caller; all or nothing, in the caller's transaction.
     */
    public Uni<GroupEvent.SessionHeld> hold(UUID groupId, HoldGroupSession command, String by) {
        UUID groupSessionId = UUID.randomUUID();
        Instant now = clock.instant();
        List<HoldGroupSession.Attendee> attendees =
                command.attendance() == null ? List.of() : command.attendance();
        List<UUID> sessionIds = attendees.stream().map(a -> UUID.randomUUID()).toList();
        return decide(
                        groupId,
                        state ->
                                GroupDecider.hold(
                                        state, groupSessionId, command, sessionIds, by, now),
                        by)
                .flatMap(
                        events -> {
                            GroupEvent.SessionHeld held =
                                    (GroupEvent.SessionHeld) events.getFirst();
                            Uni<Void> chain = Uni.createFrom().voidItem();
                            for (int i = 0; i < attendees.size(); i++) {
                                HoldGroupSession.Attendee attendee = attendees.get(i);
                                if (!held.attendance().get(i).present()) {
                                    continue;
                                }
                                String at = "attendance[" + i + "]";
                                UUID sessionId = sessionIds.get(i);
                                chain =
                                        chain.call(
                                                () ->
                                                        sessions.document(
                                                                        sessionId,
                                                                        attendee.clientId(),
                                                                        GroupDecider.noteOf(
                                                                                command, attendee),
                                                                        by,
                                                                        groupSessionId)
                                                                .onFailure(InvalidCommand.class)
                                                                .transform(
                                                                        e ->
                                                                                within(
                                                                                        at,
                                                                                        (InvalidCommand)
                                                                                                e)));
                            }
                            return chain.replaceWith(held);
                        });
    }

    /** The attendee's note refused: name the field within the attendee. */
    private static ProblemException within(String at, InvalidCommand refused) {
        return new ProblemException(
                Problem.invalid(
                        refused.problem().errors().stream()
                                .map(
                                        error ->
                                                new Problem.FieldError(
                                                        at + "." + error.field(), error.message()))
                                .toList()));
    }

    private Uni<Set<String>> withStaffRecord(List<String> usernames) {
        Set<String> found = new HashSet<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String username : usernames) {
            if (username == null || username.isBlank()) {
                continue;
            }
            String name = username.strip();
            chain =
                    chain.call(
                            () ->
                                    roster.find(name)
                                            .invoke(
                                                    member -> {
                                                        if (member != null) {
                                                            found.add(name);
                                                        }
                                                    }));
        }
        return chain.replaceWith(() -> Set.copyOf(found));
    }

    private Uni<List<GroupEvent>> decide(
            UUID groupId, Function<GroupState, List<GroupEvent>> decider, String actor) {
        return commands.handle(
                        StreamId.of(GroupEvent.STREAM, groupId),
                        GroupEvent.class,
                        history ->
                                new Decision<>(
                                        decider.apply(GroupState.of(history.events())), List.of()),
                        actor)
                .map(recorded -> recorded.decision().events());
    }
}
