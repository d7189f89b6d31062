package org.careloop.treatment.group;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.careloop.platform.eventstore.StoredEvent;
import org.careloop.platform.projection.StoreProjection;

/** Who is on each therapy group's roster now, projected from the group streams. */
@ApplicationScoped
public class GroupRosters implements StoreProjection {

    @Override
    public String name() {
        return "group-members";
    }

    @Override
    public String table() {
        return "therapy_group_member";
    }

    @Override
    public String streamType() {
        return GroupEvent.STREAM;
    }

    @Override
    public Uni<Void> reset() {
        return TherapyGroupMember.deleteAll().replaceWithVoid();
    }

    public Uni<List<TherapyGroupMember>> of(UUID groupId) {
        return TherapyGroupMember.list("groupId = ?1 order by joinedAt, clientId", groupId);
    }

    @Override
    public Uni<Void> apply(StoredEvent stored) {
        return switch (stored.decode(GroupEvent.class)) {
            case GroupEvent.MemberJoined j -> {
                TherapyGroupMember member = new TherapyGroupMember();
                member.groupId = j.groupId();
                member.clientId = j.clientId();
                member.joinedAt = j.at();
                member.joinedBy = j.by();
                yield member.persist().replaceWithVoid();
            }
            case GroupEvent.MemberLeft l ->
                    TherapyGroupMember.delete(
                                    "groupId = ?1 and clientId = ?2", l.groupId(), l.clientId())
                            .replaceWithVoid();
            case GroupEvent.Formed f -> Uni.createFrom().voidItem();
            case GroupEvent.SessionHeld h -> Uni.createFrom().voidItem();
        };
    }
}
