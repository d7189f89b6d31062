package org.careloop.treatment.group;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.careloop.platform.problem.InvalidCommand;
import org.careloop.platform.problem.Refused;
import org.careloop.treatment.session.DocumentSession;
import org.careloop.treatment.session.SessionDecider;
import org.careloop.treatment.session.SessionType;

/**
 * The rules of a therapy group: led by staff on record, a roster of known clients, and sessions
 * held by a facilitator with every attendee on the roster and a note for each one present. Pure.
 */
public final class GroupDecider {

    private GroupDecider() {}

    /**
     * @param withStaffRecord which of the named facilitators have a staff record here
     */
    public static List<GroupEvent> form(
            GroupState state,
            UUID groupId,
            FormGroup command,
            Set<String> withStaffRecord,
            String by,
            Instant now) {
        if (state.formed() != null) {
            throw Refused.conflict("group-exists", "group " + groupId + " is already formed");
        }
        if (command.name() == null || command.name().isBlank()) {
            throw new InvalidCommand("name", "is required");
        }
        if (command.facilitator() == null || command.facilitator().isBlank()) {
            throw new InvalidCommand("facilitator", "is required");
        }
        String facilitator = command.facilitator().strip();
        if (!withStaffRecord.contains(facilitator)) {
            throw Refused.notFound(
                    "facilitator",
                    "no staff record for " + facilitator + ": record their credential first");
        }
        List<String> named =
                command.coFacilitators() == null ? List.of() : command.coFacilitators();
        List<String> coFacilitators = new ArrayList<>();
        for (int i = 0; i < named.size(); i++) {
            String co = named.get(i) == null ? "" : named.get(i).strip();
            if (co.isEmpty()) {
                throw new InvalidCommand("coFacilitators[" + i + "]", "is required");
            }
            if (co.equals(facilitator) || coFacilitators.contains(co)) {
                throw new InvalidCommand(
                        "coFacilitators[" + i + "]", co + " already facilitates this group");
            }
            if (!withStaffRecord.contains(co)) {
                throw Refused.notFound(
                        "facilitator",
                        "no staff record for " + co + ": record their credential first");
            }
            coFacilitators.add(co);
        }
        return List.of(
                new GroupEvent.Formed(
                        groupId,
                        command.name().strip(),
                        facilitator,
                        List.copyOf(coFacilitators),
                        now,
                        by));
    }

    /**
     * @param clientKnown whether the client is in the client directory
     */
    public static List<GroupEvent> join(
            GroupState state, UUID clientId, boolean clientKnown, String by, Instant now) {
        GroupEvent.Formed group = existing(state);
        if (!clientKnown) {
            throw Refused.notFound("client", "no client " + clientId + " is known here");
        }
        if (state.members().contains(clientId)) {
            throw Refused.conflict(
                    "already-a-member", "client " + clientId + " is already on the roster");
        }
        return List.of(new GroupEvent.MemberJoined(group.groupId(), clientId, now, by));
    }

    public static List<GroupEvent> leave(GroupState state, UUID clientId, String by, Instant now) {
        GroupEvent.Formed group = existing(state);
        if (!state.members().contains(clientId)) {
            throw Refused.notFound(
                    "group-member", "client " + clientId + " is not on the group's roster");
        }
        return List.of(new GroupEvent.MemberLeft(group.groupId(), clientId, now, by));
    }

    /**
     * A session of the group; each present attendee gets the session id at their index in {@code
     * sessionIds}, under which their note is drafted.
     */
    public static List<GroupEvent> hold(
            GroupState state,
            UUID groupSessionId,
            HoldGroupSession command,
            List<UUID> sessionIds,
            String by,
            Instant now) {
        GroupEvent.Formed group = existing(state);
        if (!state.facilitatedBy(by)) {
            throw Refused.forbidden(
                    "not-facilitator",
                    by + " does not facilitate this group: " + group.facilitator() + " does");
        }
        if (!command.endedAt().isAfter(command.startedAt())) {
            throw new InvalidCommand("endedAt", "must be after startedAt");
        }
        if (Duration.between(command.startedAt(), command.endedAt())
                        .compareTo(SessionDecider.LONGEST)
                > 0) {
            throw new InvalidCommand(
                    "endedAt",
                    "a session lasts at most " + SessionDecider.LONGEST.toHours() + " hours");
        }
        if (command.startedAt().isAfter(now.plus(SessionDecider.SKEW))) {
            throw new InvalidCommand(
                    "startedAt", "must not be in the future: document a session held");
        }
        List<HoldGroupSession.Attendee> attendees = command.attendance();
        if (attendees == null || attendees.isEmpty()) {
            throw new InvalidCommand("attendance", "is required: who came and who did not");
        }
        Set<UUID> seen = new HashSet<>();
        List<GroupEvent.Attendance> attendance = new ArrayList<>();
        for (int i = 0; i < attendees.size(); i++) {
            HoldGroupSession.Attendee attendee = attendees.get(i);
            String at = "attendance[" + i + "]";
            if (!state.members().contains(attendee.clientId())) {
                throw new InvalidCommand(
                        at + ".clientId",
                        "client " + attendee.clientId() + " is not on the group's roster");
            }
            if (!seen.add(attendee.clientId())) {
                throw new InvalidCommand(
                        at + ".clientId",
                        "client " + attendee.clientId() + " is listed more than once");
            }
            boolean present = Boolean.TRUE.equals(attendee.present());
            if (present) {
                if (attendee.note() == null) {
                    throw new InvalidCommand(
                            at + ".note", "is required: each attendee present has a note");
                }
                if (attendee.riskReviewed() == null) {
                    throw new InvalidCommand(at + ".riskReviewed", "is required");
                }
            } else {
                if (attendee.note() != null) {
                    throw new InvalidCommand(at + ".note", "an absent member has no note");
                }
                if (attendee.objectivesAddressed() != null
                        && !attendee.objectivesAddressed().isEmpty()) {
                    throw new InvalidCommand(
                            at + ".objectivesAddressed", "an absent member addressed none");
                }
            }
            attendance.add(
                    new GroupEvent.Attendance(
                            attendee.clientId(), present, present ? sessionIds.get(i) : null));
        }
        if (attendance.stream().noneMatch(GroupEvent.Attendance::present)) {
            throw new InvalidCommand(
                    "attendance", "no one was present: a session needs at least one attendee");
        }
        return List.of(
                new GroupEvent.SessionHeld(
                        group.groupId(),
                        groupSessionId,
                        command.startedAt(),
                        command.endedAt(),
                        List.copyOf(attendance),
                        by,
                        now));
    }

    /** What a present attendee's note documents: a GROUP session at the group's time and place. */
    public static DocumentSession noteOf(
            HoldGroupSession command, HoldGroupSession.Attendee attendee) {
        return new DocumentSession(
                SessionType.GROUP,
                command.startedAt(),
                command.endedAt(),
                command.modality(),
                command.clientLocation(),
                attendee.interactiveComplexity(),
                attendee.note(),
                attendee.objectivesAddressed(),
                attendee.riskReviewed());
    }

    private static GroupEvent.Formed existing(GroupState state) {
        if (state.formed() == null) {
            throw Refused.notFound("group", "no such group");
        }
        return state.formed();
    }
}
