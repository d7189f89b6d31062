package org.careloop.billing.authorization;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.careloop.contracts.billing.AuthorizedService;

/**
 * One authorization folded from its events: where it stands, the units approved and used per code,
 * and which session used which units (so a redelivered session never uses them twice).
 */
public record AuthorizationState(
        UUID authorizationId,
        UUID clientId,
        String payerId,
        AuthorizationStatus status,
        Outcome outcome,
        Urgency urgency,
        List<AuthorizedService> requested,
        LocalDate requestedStart,
        LocalDate requestedEnd,
        String authorizationNumber,
        Map<String, Integer> approved,
        Map<String, Integer> used,
        Map<UUID, List<AuthorizedService>> sessions,
        LocalDate startDate,
        LocalDate endDate,
        Instant decisionDueAt,
        boolean decisionOverdue,
        boolean nearlyExhaustedWarned,
        boolean expiringWarned,
        boolean expired) {

    public static final AuthorizationState NONE =
            new AuthorizationState(
                    null, null, null, null, null, null, List.of(), null, null, null, Map.of(),
                    Map.of(), Map.of(), null, null, null, false, false, false, false);

    public static AuthorizationState of(List<AuthorizationEvent> events) {
        AuthorizationState state = NONE;
        for (AuthorizationEvent event : events) {
            state = state.evolve(event);
        }
        return state;
    }

    public boolean exists() {
        return status != null;
    }

    public int approvedTotal() {
        return approved.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int usedTotal() {
        return used.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int remainingTotal() {
        return approvedTotal() - usedTotal();
    }

    public int remaining(String cpt) {
        return approved.getOrDefault(cpt, 0) - used.getOrDefault(cpt, 0);
    }

    public boolean covers(LocalDate day) {
        return startDate != null && !day.isBefore(startDate) && !day.isAfter(endDate);
    }

    AuthorizationState evolve(AuthorizationEvent event) {
        return switch (event) {
            case AuthorizationEvent.Drafted d ->
                    new AuthorizationState(
                            d.authorizationId(),
                            d.clientId(),
                            d.payerId(),
                            AuthorizationStatus.DRAFT,
                            null,
                            d.urgency(),
                            List.copyOf(d.services()),
                            d.startDate(),
                            d.endDate(),
                            null,
                            Map.of(),
                            Map.of(),
                            Map.of(),
                            null,
                            null,
                            null,
                            false,
                            false,
                            false,
                            false);
            case AuthorizationEvent.Requested r ->
                    with(AuthorizationStatus.REQUESTED, r.decisionDueAt(), false);
            case AuthorizationEvent.Decided d -> decided(d);
            case AuthorizationEvent.DecisionOverdue o -> with(status, decisionDueAt, true);
            case AuthorizationEvent.Appealed a -> with(AuthorizationStatus.APPEALED, null, false);
            case AuthorizationEvent.UnitsConsumed c -> consumed(c);
            case AuthorizationEvent.UnitsReturned r -> returned(r);
            case AuthorizationEvent.NearlyExhausted n ->
                    withWarnings(true, expiringWarned, expired);
            case AuthorizationEvent.Exhausted x -> this;
            case AuthorizationEvent.Expiring x ->
                    withWarnings(nearlyExhaustedWarned, true, expired);
            case AuthorizationEvent.Expired x ->
                    withWarnings(nearlyExhaustedWarned, expiringWarned, true).settled();
            case AuthorizationEvent.ReviewDue r -> this;
            case AuthorizationEvent.ExchangeRefused r -> this;
        };
    }

    private AuthorizationState with(
            AuthorizationStatus next, Instant decisionDue, boolean overdue) {
        return new AuthorizationState(
                authorizationId,
                clientId,
                payerId,
                next,
                outcome,
                urgency,
                requested,
                requestedStart,
                requestedEnd,
                authorizationNumber,
                approved,
                used,
                sessions,
                startDate,
                endDate,
                decisionDue,
                overdue,
                nearlyExhaustedWarned,
                expiringWarned,
                expired);
    }

    private AuthorizationState decided(AuthorizationEvent.Decided d) {
        AuthorizationStatus next =
                switch (d.outcome()) {
                    case APPROVED, PARTIALLY_APPROVED, OVERTURNED -> AuthorizationStatus.ACTIVE;
                    case PENDED -> AuthorizationStatus.PENDED;
                    case DENIED -> AuthorizationStatus.DENIED;
                    case UPHELD -> AuthorizationStatus.UPHELD;
                };
        if (!d.outcome().grants()) {
            return new AuthorizationState(
                    authorizationId,
                    clientId,
                    payerId,
                    next,
                    d.outcome(),
                    urgency,
                    requested,
                    requestedStart,
                    requestedEnd,
                    authorizationNumber,
                    approved,
                    used,
                    sessions,
                    startDate,
                    endDate,
                    next == AuthorizationStatus.PENDED ? decisionDueAt : null,
                    next == AuthorizationStatus.PENDED && decisionOverdue,
                    nearlyExhaustedWarned,
                    expiringWarned,
                    expired);
        }
        Map<String, Integer> granted = new TreeMap<>();
        for (AuthorizedService service : d.services()) {
            granted.merge(service.cpt(), service.units(), Integer::sum);
        }
        return new AuthorizationState(
                        authorizationId,
                        clientId,
                        payerId,
                        next,
                        d.outcome(),
                        urgency,
                        requested,
                        requestedStart,
                        requestedEnd,
                        d.authorizationNumber(),
                        Map.copyOf(granted),
                        used,
                        sessions,
                        d.startDate(),
                        d.endDate(),
                        null,
                        false,
                        false,
                        false,
                        false)
                .settled();
    }

    private AuthorizationState consumed(AuthorizationEvent.UnitsConsumed c) {
        Map<String, Integer> nowUsed = new TreeMap<>(used);
        nowUsed.merge(c.cpt(), c.units(), Integer::sum);
        Map<UUID, List<AuthorizedService>> bySession = new LinkedHashMap<>(sessions);
        bySession.merge(
                c.sessionId(),
                List.of(new AuthorizedService(c.cpt(), c.units())),
                (a, b) -> Stream.concat(a.stream(), b.stream()).toList());
        return withUnits(nowUsed, bySession, nearlyExhaustedWarned);
    }

    private AuthorizationState returned(AuthorizationEvent.UnitsReturned r) {
        Map<String, Integer> nowUsed = new TreeMap<>(used);
        nowUsed.merge(r.cpt(), -r.units(), Integer::sum);
        Map<UUID, List<AuthorizedService>> bySession = new LinkedHashMap<>(sessions);
        List<AuthorizedService> left =
                bySession.getOrDefault(r.sessionId(), List.of()).stream()
                        .filter(s -> !s.cpt().equals(r.cpt()))
                        .toList();
        if (left.isEmpty()) {
            bySession.remove(r.sessionId());
        } else {
            bySession.put(r.sessionId(), left);
        }
        // the warning may come again once units run low again
        return withUnits(nowUsed, bySession, false);
    }

    private AuthorizationState withWarnings(boolean nearly, boolean expiring, boolean ended) {
        return new AuthorizationState(
                authorizationId,
                clientId,
                payerId,
                status,
                outcome,
                urgency,
                requested,
                requestedStart,
                requestedEnd,
                authorizationNumber,
                approved,
                used,
                sessions,
                startDate,
                endDate,
                decisionDueAt,
                decisionOverdue,
                nearly,
                expiring,
                ended);
    }

    private AuthorizationState withUnits(
            Map<String, Integer> nowUsed,
            Map<UUID, List<AuthorizedService>> bySession,
            boolean nearly) {
        return new AuthorizationState(
                        authorizationId,
                        clientId,
                        payerId,
                        status,
                        outcome,
                        urgency,
                        requested,
                        requestedStart,
                        requestedEnd,
                        authorizationNumber,
                        approved,
                        Map.copyOf(nowUsed),
                        Map.copyOf(bySession),
                        startDate,
                        endDate,
                        decisionDueAt,
                        decisionOverdue,
                        nearly,
                        expiringWarned,
                        expired)
                .settled();
    }

    /** ACTIVE, EXHAUSTED or EXPIRED as the units and dates now stand, once granted. */
    private AuthorizationState settled() {
        if (status == null || !status.granted()) {
            return this;
        }
        AuthorizationStatus next =
                expired
                        ? AuthorizationStatus.EXPIRED
                        : remainingTotal() <= 0
                                ? AuthorizationStatus.EXHAUSTED
                                : AuthorizationStatus.ACTIVE;
        return next == status ? this : with(next, decisionDueAt, decisionOverdue);
    }
}
