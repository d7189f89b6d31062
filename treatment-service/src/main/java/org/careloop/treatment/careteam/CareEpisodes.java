package org.careloop.treatment.careteam;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.careloop.platform.eventstore.StoredEvent;
import org.careloop.platform.projection.StoreProjection;

/**
 * Where each client's current episode of care begins: after their last discharge (or with their
 * first record, when never discharged). Outcome baselines are taken within the episode.
 */
@ApplicationScoped
public class CareEpisodes implements StoreProjection {

    @Override
    public String name() {
        return "care-episodes";
    }

    @Override
    public String table() {
        return "care_episode";
    }

    @Override
    public String streamType() {
        return CareTeamEvent.STREAM;
    }

    @Override
    public Uni<Void> reset() {
        return CareEpisode.deleteAll().replaceWithVoid();
    }

    /** The start of the client's current episode; null when it is their first. */
    public Uni<Instant> startOf(UUID clientId) {
        return CareEpisode.<CareEpisode>findById(clientId)
                .map(episode -> episode == null ? null : episode.lastDischargedAt);
    }

    /** The start of each client's current episode, for those discharged before. */
    public Uni<Map<UUID, Instant>> startsOf(Collection<UUID> clients) {
        return CareEpisode.<CareEpisode>list("clientId in ?1", clients)
                .map(
                        episodes -> {
                            Map<UUID, Instant> starts = new HashMap<>();
                            episodes.forEach(e -> starts.put(e.clientId, e.lastDischargedAt));
                            return starts;
                        });
    }

    @Override
    public Uni<Void> apply(StoredEvent stored) {
        if (!(stored.decode(CareTeamEvent.class) instanceof CareTeamEvent.Discharged discharged)) {
            return Uni.createFrom().voidItem();
        }
        return CareEpisode.<CareEpisode>findById(discharged.clientId())
                .flatMap(
                        found -> {
                            CareEpisode episode = found == null ? new CareEpisode() : found;
                            episode.clientId = discharged.clientId();
                            episode.lastDischargedAt = discharged.dischargedAt();
                            return found == null
                                    ? episode.persist().replaceWithVoid()
                                    : Uni.createFrom().voidItem();
                        });
    }
}
