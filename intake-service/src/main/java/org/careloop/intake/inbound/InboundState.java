package org.careloop.intake.inbound;

import java.util.List;

/** One inbound referral folded from its events: what the partner sent and where it stands. */
public record InboundState(InboundEvent.Received received, InboundStatus status) {

    public static final InboundState NONE = new InboundState(null, null);

    public static InboundState of(List<InboundEvent> events) {
        InboundState state = NONE;
        for (InboundEvent event : events) {
            state = state.evolve(event);
        }
        return state;
    }

    public boolean exists() {
        return status != null;
    }

    InboundState evolve(InboundEvent event) {
        return switch (event) {
            case InboundEvent.Received r -> new InboundState(r, InboundStatus.OPEN);
            case InboundEvent.Accepted a -> new InboundState(received, InboundStatus.ACCEPTED);
            case InboundEvent.Declined d -> new InboundState(received, InboundStatus.DECLINED);
        };
    }
}
