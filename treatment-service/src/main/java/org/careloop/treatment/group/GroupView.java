package org.careloop.treatment.group;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A group as the API shows it: who leads it, its roster now and the sessions it held. */
public record GroupView(
        UUID groupId,
        String name,
        String facilitator,
        List<String> coFacilitators,
        Instant formedAt,
        String formedBy,
        List<Member> members,
        List<HeldSession> sessions) {

    /** A client on the roster. */
    public record Member(UUID clientId, Instant joinedAt, String joinedBy) {}

    /** A session the group held: who came, and each present attendee's own session. */
    public record HeldSession(
            UUID groupSessionId,
            Instant startedAt,
            Instant endedAt,
            List<GroupEvent.Attendance> attendance,
            String by) {

        static HeldSession of(GroupEvent.SessionHeld held) {
            return new HeldSession(
                    held.groupSessionId(),
                    held.startedAt(),
                    held.endedAt(),
                    held.attendance(),
                    held.by());
        }
    }

    static GroupView of(TherapyGroup group, List<TherapyGroupMember> members) {
        return new GroupView(
                group.groupId,
                group.name,
                group.facilitator,
                GroupJson.strings(group.coFacilitators),
                group.formedAt,
                group.formedBy,
                members.stream().map(m -> new Member(m.clientId, m.joinedAt, m.joinedBy)).toList(),
                GroupJson.sessions(group.sessions).stream()
                        .map(
                                s ->
                                        new HeldSession(
                                                s.groupSessionId(),
                                                s.startedAt(),
                                                s.endedAt(),
                                                s.attendance(),
                                                s.by()))
                        .toList());
    }
}
