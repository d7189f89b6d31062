package org.careloop.risk.risklevel;

import org.careloop.contracts.RiskLevel;

import java.util.List;
import java.util.UUID;

/** A client's current risk level and open risk episode (null when none is open). */
public record RiskState(RiskLevel level, UUID episodeId) {

    public static final RiskState NONE = new RiskState(RiskLevel.NONE, null);

    public static RiskState of(List<RiskEvent> history) {
        RiskState state = NONE;
        for (RiskEvent event : history) {
            state = state.evolve(event);
        }
        return state;
    }

    public RiskState evolve(RiskEvent event) {
        if (event instanceof RiskEvent.LevelChanged changed) {
            return new RiskState(changed.level(), episodeId);
        }
        if (event instanceof RiskEvent.Escalated escalated) {
            return new RiskState(escalated.level(), escalated.episodeId());
        }
        return new RiskState(((RiskEvent.Resolved) event).level(), null);
    }
}
