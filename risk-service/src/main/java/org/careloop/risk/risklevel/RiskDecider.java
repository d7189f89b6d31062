package org.careloop.risk.risklevel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.careloop.contracts.RiskLevel;

/**
 * The rules for a client's risk level. A screen can only raise the level: a positive screen stands
 * until a clinician assesses the client (clinical reference: PHQ-9 item 9 is "at least MODERATE
 * until a clinician assesses"). A clinician may raise or lower it, with a rationale; lowering it to
 * NONE or LOW closes the episode.
 */
public final class RiskDecider {

    private RiskDecider() {}

    public static List<RiskEvent> screened(
            RiskState state,
            UUID clientId,
            UUID assessmentId,
            RiskLevel screened,
            String reason,
            UUID newEpisodeId,
            Instant now) {
        if (!screened.above(state.level())) {
            return List.of();
        }
        List<RiskEvent> events = new ArrayList<>();
        events.add(
                new RiskEvent.LevelChanged(
                        clientId,
                        state.level(),
                        screened,
                        "SCREEN",
                        assessmentId,
                        reason,
                        null,
                        now));
        escalation(state, clientId, screened, reason, assessmentId, newEpisodeId, now, events);
        return events;
    }

    public static List<RiskEvent> assessed(
            RiskState state,
            UUID clientId,
            RiskLevel level,
            String rationale,
            String clinician,
            UUID newEpisodeId,
            Instant now) {
        List<RiskEvent> events = new ArrayList<>();
        events.add(
                new RiskEvent.LevelChanged(
                        clientId,
                        state.level(),
                        level,
                        "CLINICIAN",
                        null,
                        rationale,
                        clinician,
                        now));
        if (level.above(state.level())) {
            escalation(state, clientId, level, rationale, null, newEpisodeId, now, events);
        } else if (!level.above(RiskLevel.LOW) && state.episodeId() != null) {
            events.add(
                    new RiskEvent.Resolved(
                            clientId, state.episodeId(), level, rationale, clinician, now));
        }
        return events;
    }

    private static void escalation(
            RiskState state,
            UUID clientId,
            RiskLevel level,
            String reason,
            UUID assessmentId,
            UUID newEpisodeId,
            Instant now,
            List<RiskEvent> events) {
        if (level.compareTo(RiskLevel.MODERATE) >= 0) {
            UUID episode = state.episodeId() == null ? newEpisodeId : state.episodeId();
            events.add(
                    new RiskEvent.Escalated(
                            clientId, episode, state.level(), level, reason, assessmentId, now));
        }
    }
}
