package org.careloop.billing.claim;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.careloop.platform.eventstore.StoredEvent;
import org.careloop.platform.projection.JsonColumns;
import org.careloop.platform.projection.StoreProjection;

/** Every claim where it stands, projected from the claim streams: the held-claims work queue. */
@ApplicationScoped
public class ClaimBook implements StoreProjection {

    @Override
    public String name() {
        return "claims";
    }

    @Override
    public String table() {
        return "claim";
    }

    @Override
    public String streamType() {
        return ClaimEvent.STREAM;
    }

    @Override
    public Uni<Void> reset() {
        return ClaimRecord.deleteAll().replaceWithVoid();
    }

    public Uni<ClaimRecord> find(UUID claimId) {
        return ClaimRecord.findById(claimId);
    }

    public Uni<List<ClaimRecord>> inStatus(String status, int limit) {
        return ClaimRecord.<ClaimRecord>find(
                        "status = ?1 order by serviceDate, createdAt, claimId", status)
                .range(0, limit - 1)
                .list();
    }

    /** Claims not yet sent (HELD or READY), oldest service first. */
    public Uni<List<ClaimRecord>> open(int limit) {
        return ClaimRecord.<ClaimRecord>find(
                        "status in ('HELD', 'READY') order by serviceDate, createdAt, claimId")
                .range(0, limit - 1)
                .list();
    }

    public Uni<List<ClaimRecord>> all(int limit) {
        return ClaimRecord.<ClaimRecord>find("order by serviceDate desc, createdAt desc, claimId")
                .range(0, limit - 1)
                .list();
    }

    public Uni<List<ClaimRecord>> ofClient(UUID clientId) {
        return ClaimRecord.list(
                "clientId = ?1 order by serviceDate desc, createdAt desc", clientId);
    }

    public Uni<List<ClaimRecord>> openOfClient(UUID clientId) {
        return ClaimRecord.list("clientId = ?1 and status in ('HELD', 'READY')", clientId);
    }

    public Uni<List<ClaimRecord>> openOfPayer(String payerId) {
        return ClaimRecord.list("payerId = ?1 and status in ('HELD', 'READY')", payerId);
    }

    public Uni<List<ClaimRecord>> ofExport(UUID exportId) {
        return ClaimRecord.list("exportId = ?1 order by serviceDate, claimId", exportId);
    }

    @Override
    public Uni<Void> apply(StoredEvent stored) {
        ClaimEvent event = stored.decode(ClaimEvent.class);
        return ClaimRecord.<ClaimRecord>findById(event.claimId())
                .flatMap(
                        found -> {
                            ClaimRecord claim = found == null ? new ClaimRecord() : found;
                            claim.claimId = event.claimId();
                            claim.clientId = event.clientId();
                            if (claim.createdAt == null) {
                                claim.createdAt = stored.recordedAt;
                            }
                            claim.updatedAt = stored.recordedAt;
                            switch (event) {
                                case ClaimEvent.Evaluated e -> {
                                    claim.sessionId = e.sessionId();
                                    claim.payerId = e.payerId();
                                    claim.status = e.status().name();
                                    claim.holds = JsonColumns.write(e.holds());
                                    claim.lines = JsonColumns.write(e.lines());
                                    claim.totalCharge = e.totalCharge();
                                    claim.serviceDate = e.serviceDate();
                                    ClaimLine authorized =
                                            e.lines().stream()
                                                    .filter(l -> l.authorizationId() != null)
                                                    .findFirst()
                                                    .orElse(null);
                                    claim.authorizationId =
                                            authorized == null
                                                    ? null
                                                    : authorized.authorizationId();
                                    claim.authorizationNumber =
                                            authorized == null
                                                    ? null
                                                    : authorized.authorizationNumber();
                                }
                                case ClaimEvent.Exported x -> {
                                    claim.status = ClaimStatus.EXPORTED.name();
                                    claim.exportId = x.exportId();
                                }
                                case ClaimEvent.Voided v -> {
                                    claim.sessionId = v.sessionId();
                                    claim.status = ClaimStatus.VOIDED.name();
                                    if (claim.holds == null) {
                                        claim.holds = "[]";
                                        claim.lines = "[]";
                                    }
                                }
                            }
                            return found == null
                                    ? claim.persist().replaceWithVoid()
                                    : Uni.createFrom().voidItem();
                        });
    }
}
