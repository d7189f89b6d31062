package org.careloop.treatment.group;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.careloop.platform.eventstore.StoredEvent;
import org.careloop.platform.projection.StoreProjection;

/** Every therapy group and the sessions it held, projected from the group streams. */
@ApplicationScoped
public class TherapyGroups implements StoreProjection {

    @Override
    public String name() {
        return "groups";
    }

    @Override
    public String table() {
        return "therapy_group";
    }

    @Override
    public String streamType() {
        return GroupEvent.STREAM;
    }

    @Override
    public Uni<Void> reset() {
        return TherapyGroup.deleteAll().replaceWithVoid();
    }

    public Uni<TherapyGroup> find(UUID groupId) {
        return TherapyGroup.findById(groupId);
    }

    @Override
    public Uni<Void> apply(StoredEvent stored) {
        return switch (stored.decode(GroupEvent.class)) {
            case GroupEvent.Formed f -> {
                TherapyGroup group = new TherapyGroup();
                group.groupId = f.groupId();
                group.name = f.name();
                group.facilitator = f.facilitator();
                group.coFacilitators = GroupJson.write(f.coFacilitators());
                group.sessions = GroupJson.write(List.of());
                group.formedAt = f.formedAt();
                group.formedBy = f.by();
                yield group.persist().replaceWithVoid();
            }
            case GroupEvent.SessionHeld h ->
                    TherapyGroup.<TherapyGroup>findById(h.groupId())
                            .invoke(
                                    group -> {
                                        List<GroupJson.HeldSession> sessions =
                                                new ArrayList<>(GroupJson.sessions(group.sessions));
                                        sessions.add(
                                                new GroupJson.HeldSession(
                                                        h.groupSessionId(),
                                                        h.startedAt(),
                                                        h.endedAt(),
                                                        h.attendance(),
                                                        h.by(),
                                                        h.at()));
                                        group.sessions = GroupJson.write(sessions);
                                    })
                            .replaceWithVoid();
            case GroupEvent.MemberJoined j -> Uni.createFrom().voidItem();
            case GroupEvent.MemberLeft l -> Uni.createFrom().voidItem();
        };
    }
}
