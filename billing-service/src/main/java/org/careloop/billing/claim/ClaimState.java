package org.careloop.billing.claim;

import java.util.List;
import java.util.UUID;

/** A claim folded from its events. */
public record ClaimState(
        UUID claimId, UUID clientId, ClaimStatus status, List<Hold> holds, List<ClaimLine> lines) {

    public static final ClaimState NONE = new ClaimState(null, null, null, List.of(), List.of());

    public static ClaimState of(List<ClaimEvent> events) {
        ClaimState state = NONE;
        for (ClaimEvent event : events) {
            state =
                    switch (event) {
                        case ClaimEvent.Evaluated e ->
                                new ClaimState(
                                        e.claimId(),
                                        e.clientId(),
                                        e.status(),
                                        e.holds(),
                                        e.lines());
                        case ClaimEvent.Exported e ->
                                new ClaimState(
                                        state.claimId,
                                        state.clientId,
                                        ClaimStatus.EXPORTED,
                                        state.holds,
                                        state.lines);
                        case ClaimEvent.Voided v ->
                                new ClaimState(
                                        state.claimId,
                                        v.clientId(),
                                        ClaimStatus.VOIDED,
                                        state.holds,
                                        state.lines);
                    };
        }
        return state;
    }

    /** Exported or voided: nothing re-evaluates it. */
    public boolean settled() {
        return status == ClaimStatus.EXPORTED || status == ClaimStatus.VOIDED;
    }
}
