package org.careloop.risk.risklevel;

import java.util.List;
import java.util.UUID;
import org.careloop.contracts.RiskLevel;

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
        return switch (event) {
            case RiskEvent.LevelChanged changed -> new RiskState(changed.level(), episodeId);
            case RiskEvent.Escalated escalated ->
                    new RiskState(escalated.level(), escalated.episodeId());
            case RiskEvent.Resolved resolved -> new RiskState(resolved.level(), null);
        };
    }
}
