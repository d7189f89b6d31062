package org.careloop.intake.inbound;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.intake.client.RegisterClient;
import org.careloop.platform.problem.Refused;

/**
 * Decides what a partner's inbound referral means at intake: an open task, accepted once (the
 * person registered as a client) or declined once. Pure: the time and the new client's id are
 * passed in.
 */
public final class InboundDecider {

    private InboundDecider() {}

    /** The partner's referral arrives; the same referral again (a redelivery) changes nothing. */
    public static List<InboundEvent> receive(InboundState state, InboundEvent.Received received) {
        return state.exists() ? List.of() : List.of(received);
    }

    /**
     * The registration an acceptance makes: the partner's demographics, each corrected where the
     * coordinator gave a value.
     */
    public static RegisterClient registration(InboundState state, AcceptInbound overrides) {
        InboundEvent.Received r = open(state);
        return new RegisterClient(
                or(overrides.firstName(), r.firstName()),
                or(overrides.lastName(), r.lastName()),
                overrides.dateOfBirth() != null ? overrides.dateOfBirth() : r.dateOfBirth(),
                overrides.preferredName(),
                overrides.pronouns(),
                or(overrides.phone(), r.phone()),
                or(overrides.email(), r.email()),
                or(overrides.preferredLanguage(), r.preferredLanguage()));
    }

    /** The coordinator accepts it, the person registered as the client {@code clientId}. */
    public static List<InboundEvent> accept(
            InboundState state, UUID clientId, String by, Instant now) {
        InboundEvent.Received r = open(state);
        return List.of(new InboundEvent.Accepted(r.inboundId(), clientId, now, by));
    }

    /** The coordinator declines it, with the reason the partner is told. */
    public static List<InboundEvent> decline(
            InboundState state, String reason, String by, Instant now) {
        InboundEvent.Received r = open(state);
        return List.of(new InboundEvent.Declined(r.inboundId(), reason.strip(), now, by));
    }

    private static InboundEvent.Received open(InboundState state) {
        if (!state.exists()) {
            throw Refused.notFound("inbound-referral", "no such inbound referral");
        }
        if (state.status() != InboundStatus.OPEN) {
            throw Refused.conflict(
                    "inbound-referral-decided",
                    "inbound referral "
                            + state.received().inboundId()
                            + " is already "
                            + state.status());
        }
        return state.received();
    }

    private static String or(String override, String partners) {
        return override != null ? override : partners;
    }
}
