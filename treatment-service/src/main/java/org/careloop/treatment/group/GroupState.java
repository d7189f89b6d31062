package org.careloop.treatment.group;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A group as its decider needs it: how it was formed and who is on its roster now. */
public record GroupState(GroupEvent.Formed formed, Set<UUID> members) {

    public static final GroupState NONE = new GroupState(null, Set.of());

    public static GroupState of(List<GroupEvent> history) {
        GroupState state = NONE;
        for (GroupEvent event : history) {
            state = state.evolve(event);
        }
        return state;
    }

    public GroupState evolve(GroupEvent event) {
        return switch (event) {
            case GroupEvent.Formed f -> new GroupState(f, Set.of());
            case GroupEvent.MemberJoined j -> new GroupState(formed, with(j.clientId(), true));
            case GroupEvent.MemberLeft l -> new GroupState(formed, with(l.clientId(), false));
            case GroupEvent.SessionHeld h -> this;
        };
    }

    /** The facilitator or a co-facilitator: who may hold the group's sessions. */
    public boolean facilitatedBy(String username) {
        return formed.facilitator().equals(username) || formed.coFacilitators().contains(username);
    }

    private Set<UUID> with(UUID clientId, boolean member) {
        Set<UUID> next = new LinkedHashSet<>(members);
        if (member) {
            next.add(clientId);
        } else {
            next.remove(clientId);
        }
        return Set.copyOf(next);
    }
}
