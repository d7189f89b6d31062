package org.careloop.billing.coverage;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.careloop.platform.eventstore.StoredEvent;
import org.careloop.platform.projection.JsonColumns;
import org.careloop.platform.projection.StoreProjection;

/** Each client's coverages, projected from the coverage streams. */
@ApplicationScoped
public class Coverages implements StoreProjection {

    @Override
    public String name() {
        return "coverages";
    }

    @Override
    public String table() {
        return "coverage";
    }

    @Override
    public String streamType() {
        return CoverageEvent.STREAM;
    }

    @Override
    public Uni<Void> reset() {
        return Coverage.deleteAll().replaceWithVoid();
    }

    public Uni<List<Coverage>> ofClient(UUID clientId) {
        return Coverage.list("clientId = ?1 order by priority, payerId", clientId);
    }

    public Uni<Coverage> find(UUID clientId, String payerId) {
        return Coverage.findById(new Coverage.Key(clientId, payerId));
    }

    /** The coverage billed first for a service on that day: the primary one, else a secondary. */
    public Uni<Optional<Coverage>> billedOn(UUID clientId, LocalDate day) {
        return ofClient(clientId)
                .map(
                        all ->
                                all.stream()
                                        .filter(c -> c.inEffectOn(day))
                                        .min(
                                                Comparator.comparing(
                                                        (Coverage c) ->
                                                                RecordCoverage.Priority.valueOf(
                                                                                c.priority)
                                                                        .ordinal())));
    }

    @Override
    public Uni<Void> apply(StoredEvent stored) {
        CoverageEvent event = stored.decode(CoverageEvent.class);
        return switch (event) {
            case CoverageEvent.Recorded r ->
                    find(r.clientId(), r.payerId())
                            .flatMap(
                                    found -> {
                                        Coverage coverage = found == null ? new Coverage() : found;
                                        RecordCoverage c = r.coverage();
                                        coverage.clientId = r.clientId();
                                        coverage.payerId = r.payerId();
                                        coverage.memberId = c.memberId();
                                        coverage.groupNumber = c.groupNumber();
                                        coverage.relationship = c.relationship().name();
                                        coverage.subscriber =
                                                c.subscriber() == null
                                                        ? null
                                                        : JsonColumns.write(c.subscriber());
                                        coverage.priority = c.priority().name();
                                        coverage.effectiveFrom = c.effectiveFrom();
                                        coverage.effectiveTo = c.effectiveTo();
                                        coverage.updatedAt = r.at();
                                        coverage.updatedBy = r.by();
                                        return found == null
                                                ? coverage.persist().replaceWithVoid()
                                                : Uni.createFrom().voidItem();
                                    });
        };
    }
}
