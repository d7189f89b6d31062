package org.careloop.treatment.group;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.contracts.EventType;

/** What happened to one therapy group, in one stream per group. */
public sealed interface GroupEvent {

    String STREAM = "group";

    UUID groupId();

    /** {@code coFacilitators} may also hold the group's sessions; empty when there are none. */
    @EventType("treatment.group.Formed")
    record Formed(
            UUID groupId,
            String name,
            String facilitator,
            List<String> coFacilitators,
            Instant formedAt,
            String by)
            implements GroupEvent {}

    @EventType("treatment.group.MemberJoined")
    record MemberJoined(UUID groupId, UUID clientId, Instant at, String by) implements GroupEvent {}

    @EventType("treatment.group.MemberLeft")
    record MemberLeft(UUID groupId, UUID clientId, Instant at, String by) implements GroupEvent {}

    /** One session of the group; each present attendee's note is a session of its own. */
    @EventType("treatment.group.SessionHeld")
    record SessionHeld(
            UUID groupId,
            UUID groupSessionId,
            Instant startedAt,
            Instant endedAt,
            List<Attendance> attendance,
            String by,
            Instant at)
            implements GroupEvent {}

    /** Whether a member came, and the session documenting their part when they did. */
    record Attendance(UUID clientId, boolean present, UUID sessionId) {}
}
