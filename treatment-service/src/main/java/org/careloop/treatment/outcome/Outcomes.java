package org.careloop.treatment.outcome;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Measurement-based care: each client's course on the instruments followed, measured by {@link
 * Trajectory} against the configured {@link OutcomeRules}. Runs in the caller's session when there
 * is one.
 */
@ApplicationScoped
public class Outcomes {

    private final OutcomeScores scores;
    private final OutcomeRules rules;

    Outcomes(OutcomeScores scores, OutcomeRules rules) {
        this.scores = scores;
        this.rules = rules;
    }

    public OutcomeRules rules() {
        return rules;
    }

    /** The client's outcomes over every score, instruments in name order; empty if none. */
    public Uni<ClientOutcomes> of(UUID clientId) {
        return of(clientId, null);
    }

    /**
     * The client's outcomes from the scores administered at or after {@code since} (the start of an
     * episode of care: its first score is the baseline); null means every score.
     */
    public Uni<ClientOutcomes> of(UUID clientId, Instant since) {
        Map<UUID, Instant> starts = new java.util.HashMap<>();
        starts.put(clientId, since);
        return latestFor(Set.of(clientId), starts).map(all -> all.get(clientId));
    }

    /**
     * The outcomes of several clients at once (a caseload), by client id; every client asked for is
     * in the answer, with no instruments when they have no scores.
     */
    public Uni<Map<UUID, ClientOutcomes>> latestFor(Collection<UUID> clientIds) {
        return latestFor(clientIds, Map.of());
    }

    /**
     * The outcomes of several clients, each from the start of their current episode ({@code since}:
     * a client missing there is in their first episode, and every score counts).
     */
    public Uni<Map<UUID, ClientOutcomes>> latestFor(
            Collection<UUID> clientIds, Map<UUID, Instant> since) {
        if (clientIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Set<UUID> asked = Set.copyOf(clientIds);
        return Panache.withSession(() -> scores.of(asked)).map(rows -> measure(asked, rows, since));
    }

    private Map<UUID, ClientOutcomes> measure(
            Set<UUID> asked, List<OutcomeScore> rows, Map<UUID, Instant> starts) {
        Map<UUID, Map<String, List<Score>>> byClient = new LinkedHashMap<>();
        for (OutcomeScore row : rows) {
            Instant since = starts.get(row.clientId);
            if (!rules.follows(row.instrument)
                    || (since != null && row.administeredAt.isBefore(since))) {
                continue;
            }
            byClient.computeIfAbsent(row.clientId, id -> new TreeMap<>())
                    .computeIfAbsent(row.instrument, i -> new ArrayList<>())
                    .add(row.score());
        }
        Map<UUID, ClientOutcomes> outcomes = new LinkedHashMap<>();
        for (UUID clientId : asked) {
            List<InstrumentOutcome> instruments = new ArrayList<>();
            byClient.getOrDefault(clientId, Map.of())
                    .forEach(
                            (instrument, series) ->
                                    instruments.add(Trajectory.of(instrument, series, rules)));
            outcomes.put(clientId, new ClientOutcomes(clientId, List.copyOf(instruments)));
        }
        return outcomes;
    }
}
