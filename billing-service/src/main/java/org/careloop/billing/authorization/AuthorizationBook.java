package org.careloop.billing.authorization;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.careloop.contracts.billing.AuthorizedService;
import org.careloop.platform.eventstore.StoredEvent;
import org.careloop.platform.projection.JsonColumns;
import org.careloop.platform.projection.StoreProjection;

/**
 * Every authorization where it stands, and the unit ledger, projected from the authorization
 * streams (the state the decider folds, kept as rows to query).
 */
@ApplicationScoped
public class AuthorizationBook implements StoreProjection {

    @Override
    public String name() {
        return "authorizations";
    }

    @Override
    public String table() {
        return "authorization_request";
    }

    @Override
    public String streamType() {
        return AuthorizationEvent.STREAM;
    }

    @Override
    public Uni<Void> reset() {
        return LedgerEntry.deleteAll()
                .flatMap(done -> AuthorizationRecord.deleteAll())
                .replaceWithVoid();
    }

    public Uni<AuthorizationRecord> find(UUID authorizationId) {
        return AuthorizationRecord.findById(authorizationId);
    }

    public Uni<List<AuthorizationRecord>> ofClient(UUID clientId) {
        return AuthorizationRecord.list("clientId = ?1 order by createdAt desc", clientId);
    }

    /** Authorizations granted for the client with this payer, the soonest to end first. */
    public Uni<List<AuthorizationRecord>> grantedFor(UUID clientId, String payerId) {
        return AuthorizationRecord.list(
                "clientId = ?1 and payerId = ?2 and status in ('ACTIVE', 'EXHAUSTED', 'EXPIRED')"
                        + " order by endDate, createdAt",
                clientId,
                payerId);
    }

    public Uni<List<AuthorizationRecord>> inStatus(List<String> statuses) {
        return AuthorizationRecord.list("status in ?1 order by updatedAt", statuses);
    }

    public Uni<List<AuthorizationRecord>> needingAttention(LocalDate expiringBy) {
        return AuthorizationRecord.list(
                "decisionOverdue = true or status = 'PENDED' or (status = 'ACTIVE' and"
                        + " (nearlyExhausted = true or expiring = true or endDate <= ?1))"
                        + " order by updatedAt",
                expiringBy);
    }

    public Uni<List<LedgerEntry>> ledger(UUID authorizationId) {
        return LedgerEntry.list(
                "authorizationId = ?1 order by serviceDate, consumedAt", authorizationId);
    }

    @Override
    public Uni<Void> apply(StoredEvent stored) {
        AuthorizationEvent event = stored.decode(AuthorizationEvent.class);
        return AuthorizationRecord.<AuthorizationRecord>findById(event.authorizationId())
                .flatMap(
                        found -> {
                            AuthorizationRecord record =
                                    found == null ? new AuthorizationRecord() : found;
                            record.updatedAt = stored.recordedAt;
                            evolve(record, event);
                            Uni<Void> saved =
                                    found == null
                                            ? record.persist().replaceWithVoid()
                                            : Uni.createFrom().voidItem();
                            return saved.call(() -> ledger(event));
                        });
    }

    private static void evolve(AuthorizationRecord record, AuthorizationEvent event) {
        switch (event) {
            case AuthorizationEvent.Drafted d -> {
                record.authorizationId = d.authorizationId();
                record.clientId = d.clientId();
                record.payerId = d.payerId();
                record.status = AuthorizationStatus.DRAFT.name();
                record.urgency = d.urgency().name();
                record.requestedServices = JsonColumns.write(d.services());
                record.requestedStart = d.startDate();
                record.requestedEnd = d.endDate();
                record.diagnoses = JsonColumns.write(d.diagnoses());
                record.justification = d.justification();
                record.createdAt = d.at();
                record.createdBy = d.by();
                record.usedServices = JsonColumns.write(List.of());
            }
            case AuthorizationEvent.Requested r -> {
                record.status = AuthorizationStatus.REQUESTED.name();
                record.electronic = r.electronic();
                record.requestedAt = r.at();
                record.decisionDueAt = r.decisionDueAt();
            }
            case AuthorizationEvent.Decided d -> {
                record.outcome = d.outcome().name();
                record.reason = d.reason();
                if (d.outcome().grants()) {
                    record.status = AuthorizationStatus.ACTIVE.name();
                    record.authorizationNumber = d.authorizationNumber();
                    record.approvedServices = JsonColumns.write(d.services());
                    record.startDate = d.startDate();
                    record.endDate = d.endDate();
                    record.nextReviewOn =
                            d.concurrentReviewDates().isEmpty()
                                    ? null
                                    : d.concurrentReviewDates().get(0);
                    record.decisionDueAt = null;
                    record.decisionOverdue = false;
                    settle(record);
                } else {
                    record.status =
                            switch (d.outcome()) {
                                case PENDED -> AuthorizationStatus.PENDED.name();
                                case DENIED -> AuthorizationStatus.DENIED.name();
                                default -> AuthorizationStatus.UPHELD.name();
                            };
                    if (d.outcome() != Outcome.PENDED) {
                        record.decisionDueAt = null;
                        record.decisionOverdue = false;
                    }
                }
            }
            case AuthorizationEvent.DecisionOverdue o -> record.decisionOverdue = true;
            case AuthorizationEvent.Appealed a -> {
                record.status = AuthorizationStatus.APPEALED.name();
                record.reason = a.reason();
            }
            case AuthorizationEvent.UnitsConsumed c -> {
                record.usedServices = JsonColumns.write(add(record.used(), c.cpt(), c.units()));
                settle(record);
            }
            case AuthorizationEvent.UnitsReturned r -> {
                record.usedServices = JsonColumns.write(add(record.used(), r.cpt(), -r.units()));
                record.nearlyExhausted = false;
                settle(record);
            }
            case AuthorizationEvent.NearlyExhausted n -> record.nearlyExhausted = true;
            case AuthorizationEvent.Exhausted x -> settle(record);
            case AuthorizationEvent.Expiring x -> record.expiring = true;
            case AuthorizationEvent.Expired x -> record.status = AuthorizationStatus.EXPIRED.name();
            case AuthorizationEvent.ReviewDue r -> record.nextReviewOn = null;
            case AuthorizationEvent.ExchangeRefused r -> record.reason = r.reason();
        }
    }

    /** ACTIVE or EXHAUSTED by the units left, unless the end date already passed. */
    private static void settle(AuthorizationRecord record) {
        if (AuthorizationStatus.EXPIRED.name().equals(record.status)) {
            return;
        }
        record.status =
                record.remainingUnits() <= 0
                        ? AuthorizationStatus.EXHAUSTED.name()
                        : AuthorizationStatus.ACTIVE.name();
    }

    private static List<AuthorizedService> add(
            List<AuthorizedService> used, String cpt, int units) {
        Map<String, Integer> byCode =
                used.stream()
                        .collect(
                                Collectors.toMap(
                                        AuthorizedService::cpt,
                                        AuthorizedService::units,
                                        Integer::sum,
                                        TreeMap::new));
        byCode.merge(cpt, units, Integer::sum);
        return byCode.entrySet().stream()
                .map(e -> new AuthorizedService(e.getKey(), e.getValue()))
                .toList();
    }

    private Uni<Void> ledger(AuthorizationEvent event) {
        return switch (event) {
            case AuthorizationEvent.UnitsConsumed c ->
                    LedgerEntry.<LedgerEntry>findById(
                                    new LedgerEntry.Key(
                                            c.authorizationId(), c.sessionId(), c.cpt()))
                            .flatMap(
                                    found -> {
                                        LedgerEntry entry =
                                                found == null ? new LedgerEntry() : found;
                                        entry.authorizationId = c.authorizationId();
                                        entry.sessionId = c.sessionId();
                                        entry.cpt = c.cpt();
                                        entry.units = c.units();
                                        entry.serviceDate = c.serviceDate();
                                        entry.consumedAt = c.at();
                                        entry.returnedAt = null;
                                        return found == null
                                                ? entry.persist().replaceWithVoid()
                                                : Uni.createFrom().voidItem();
                                    });
            case AuthorizationEvent.UnitsReturned r ->
                    LedgerEntry.<LedgerEntry>findById(
                                    new LedgerEntry.Key(
                                            r.authorizationId(), r.sessionId(), r.cpt()))
                            .invoke(
                                    entry -> {
                                        if (entry != null) {
                                            entry.returnedAt = r.at();
                                        }
                                    })
                            .replaceWithVoid();
            default -> Uni.createFrom().voidItem();
        };
    }
}
