package org.careloop.referral.inbound;

import java.util.List;
import java.util.UUID;

/** One inbound referral folded from its events: whose it is and where it stands. */
public record InboundState(UUID inboundId, String partnerId, InboundStatus status) {

    public static final InboundState NONE = new InboundState(null, null, null);

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
            case InboundEvent.Received r ->
                    new InboundState(r.inboundId(), r.partnerId(), InboundStatus.RECEIVED);
            case InboundEvent.Accepted a ->
                    new InboundState(inboundId, partnerId, InboundStatus.ACCEPTED);
            case InboundEvent.Declined d ->
                    new InboundState(inboundId, partnerId, InboundStatus.DECLINED);
        };
    }
}
