package org.careloop.billing.authorization;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careloop.contracts.billing.AuthorizedService;
import org.careloop.platform.problem.InvalidCommand;
import org.careloop.platform.problem.Refused;

/**
 * The rules of a prior authorization (clinical reference, "Prior authorization"): DRAFT, then
 * REQUESTED with a decision due, PENDED while the payer wants more, APPROVED or PARTIALLY_APPROVED
 * (ACTIVE until EXHAUSTED or EXPIRED), or DENIED, then APPEALED, then OVERTURNED or UPHELD; and the
 * unit ledger: a session uses units once, never more than remain, and a void gives them back.
 */
public final class AuthorizationDecider {

    private AuthorizationDecider() {}

    public static List<AuthorizationEvent> draft(
            AuthorizationState state,
            UUID authorizationId,
            UUID clientId,
            RequestAuthorization command,
            String by,
            Instant now) {
        if (state.exists()) {
            throw Refused.conflict("authorization-exists", "authorization " + authorizationId);
        }
        if (command.endDate().isBefore(command.startDate())) {
            throw new InvalidCommand("endDate", "must not be before startDate");
        }
        return List.of(
                new AuthorizationEvent.Drafted(
                        authorizationId,
                        clientId,
                        command.payerId(),
                        command.urgency(),
                        services(command.services()),
                        command.startDate(),
                        command.endDate(),
                        List.copyOf(command.diagnoses()),
                        command.justification(),
                        now,
                        by));
    }

    /** Sends the draft; the payer owes a decision within the window of its urgency. */
    public static List<AuthorizationEvent> submit(
            AuthorizationState state,
            boolean electronic,
            Duration standardWindow,
            Duration expeditedWindow,
            String by,
            Instant now) {
        if (state.status() != AuthorizationStatus.DRAFT) {
            throw illegal(state, "submitted");
        }
        Duration window = state.urgency() == Urgency.EXPEDITED ? expeditedWindow : standardWindow;
        return List.of(
                new AuthorizationEvent.Requested(
                        state.authorizationId(),
                        state.clientId(),
                        electronic,
                        now.plus(window),
                        now,
                        by));
    }

    /** Records the payer's answer to the request or to its appeal. */
    public static List<AuthorizationEvent> decide(
            AuthorizationState state,
            RecordDecision command,
            boolean electronic,
            String by,
            Instant now) {
        Outcome outcome = command.outcome();
        boolean allowed =
                outcome.answersAppeal()
                        ? state.status() == AuthorizationStatus.APPEALED
                        : state.status() != null && state.status().awaitingDecision();
        if (!allowed) {
            throw illegal(state, "decided " + outcome);
        }
        List<AuthorizedService> granted = List.of();
        LocalDate start = null;
        LocalDate end = null;
        String number = null;
        if (outcome.grants()) {
            if (blank(command.authorizationNumber())) {
                throw new InvalidCommand(
                        "authorizationNumber", "is required when the payer approves");
            }
            number = command.authorizationNumber();
            if (command.services() == null || command.services().isEmpty()) {
                if (outcome == Outcome.PARTIALLY_APPROVED) {
                    throw new InvalidCommand(
                            "services", "must say what was approved when only part was");
                }
                granted = state.requested();
            } else {
                granted = services(command.services());
            }
            start = command.startDate() == null ? state.requestedStart() : command.startDate();
            end = command.endDate() == null ? state.requestedEnd() : command.endDate();
            if (end.isBefore(start)) {
                throw new InvalidCommand("endDate", "must not be before startDate");
            }
        } else if (outcome == Outcome.DENIED || outcome == Outcome.UPHELD) {
            if (blank(command.reason())) {
                throw new InvalidCommand("reason", "is required: say why the payer refused");
            }
        }
        List<LocalDate> reviews =
                command.concurrentReviewDates() == null
                        ? List.of()
                        : command.concurrentReviewDates().stream().sorted().toList();
        if (!reviews.isEmpty() && !outcome.grants()) {
            throw new InvalidCommand(
                    "concurrentReviewDates", "apply only to an approved authorization");
        }
        return List.of(
                new AuthorizationEvent.Decided(
                        state.authorizationId(),
                        state.clientId(),
                        outcome,
                        number,
                        granted,
                        start,
                        end,
                        command.reason(),
                        reviews,
                        electronic,
                        now,
                        by));
    }

    public static List<AuthorizationEvent> appeal(
            AuthorizationState state, Appeal command, String by, Instant now) {
        if (state.status() != AuthorizationStatus.DENIED) {
            throw illegal(state, "appealed");
        }
        return List.of(
                new AuthorizationEvent.Appealed(
                        state.authorizationId(), state.clientId(), command.reason(), now, by));
    }

    /** The decision-due time passed; raised once, and only while a decision is owed. */
    public static List<AuthorizationEvent> decisionDue(AuthorizationState state, Instant now) {
        if (state.status() == null
                || !state.status().awaitingDecision()
                || state.decisionOverdue()
                || state.decisionDueAt() == null
                || now.isBefore(state.decisionDueAt())) {
            return List.of();
        }
        return List.of(
                new AuthorizationEvent.DecisionOverdue(
                        state.authorizationId(), state.clientId(), state.decisionDueAt(), now));
    }

    /**
     * A documented session asks for units of one code on its date: used once per session, never
     * beyond what remains; the warnings follow from what is left.
     */
    public static Consumption consume(
            AuthorizationState state,
            UUID sessionId,
            String cpt,
            int units,
            LocalDate serviceDate,
            UnitRule warnAt,
            Instant now) {
        if (state.sessions().getOrDefault(sessionId, List.of()).stream()
                .anyMatch(s -> s.cpt().equals(cpt))) {
            return new Consumption.AlreadyConsumed();
        }
        if (state.status() == null || !state.status().granted()) {
            return new Consumption.Unusable(Consumption.Why.NOT_GRANTED);
        }
        if (!state.covers(serviceDate)) {
            return new Consumption.Unusable(Consumption.Why.OUTSIDE_DATES);
        }
        if (!state.approved().containsKey(cpt)) {
            return new Consumption.Unusable(Consumption.Why.CODE_NOT_AUTHORIZED);
        }
        if (state.remaining(cpt) < units) {
            return new Consumption.Unusable(Consumption.Why.EXHAUSTED);
        }
        List<AuthorizationEvent> events = new ArrayList<>();
        AuthorizationEvent.UnitsConsumed consumed =
                new AuthorizationEvent.UnitsConsumed(
                        state.authorizationId(),
                        state.clientId(),
                        sessionId,
                        cpt,
                        units,
                        serviceDate,
                        now);
        events.add(consumed);
        AuthorizationState after = state.evolve(consumed);
        int remaining = after.remainingTotal();
        int approved = after.approvedTotal();
        if (!state.nearlyExhaustedWarned() && warnAt.low(remaining, approved)) {
            events.add(
                    new AuthorizationEvent.NearlyExhausted(
                            state.authorizationId(), state.clientId(), remaining, approved, now));
        }
        if (remaining <= 0) {
            events.add(
                    new AuthorizationEvent.Exhausted(
                            state.authorizationId(), state.clientId(), approved, now));
        }
        return new Consumption.Consumed(events);
    }

    /** A voided session gives back every unit it used here; nothing when it used none. */
    public static List<AuthorizationEvent> giveBack(
            AuthorizationState state, UUID sessionId, Instant now) {
        List<AuthorizationEvent> events = new ArrayList<>();
        for (AuthorizedService used : state.sessions().getOrDefault(sessionId, List.of())) {
            events.add(
                    new AuthorizationEvent.UnitsReturned(
                            state.authorizationId(),
                            state.clientId(),
                            sessionId,
                            used.cpt(),
                            used.units(),
                            now));
        }
        return events;
    }

    /** The end date is near: a warning while units are left, once. */
    public static List<AuthorizationEvent> expiring(AuthorizationState state, Instant now) {
        if (state.status() != AuthorizationStatus.ACTIVE
                || state.expiringWarned()
                || state.remainingTotal() <= 0) {
            return List.of();
        }
        return List.of(
                new AuthorizationEvent.Expiring(
                        state.authorizationId(),
                        state.clientId(),
                        state.endDate(),
                        state.remainingTotal(),
                        now));
    }

    /** The end date passed: the units left lapse. */
    public static List<AuthorizationEvent> expire(AuthorizationState state, Instant now) {
        if (state.status() == null || !state.status().granted() || state.expired()) {
            return List.of();
        }
        return List.of(
                new AuthorizationEvent.Expired(
                        state.authorizationId(),
                        state.clientId(),
                        Math.max(0, state.remainingTotal()),
                        now));
    }

    /** A concurrent-review date the payer set came, while the authorization is in force. */
    public static List<AuthorizationEvent> reviewDue(
            AuthorizationState state, LocalDate reviewOn, Instant now) {
        if (state.status() != AuthorizationStatus.ACTIVE
                && state.status() != AuthorizationStatus.EXHAUSTED) {
            return List.of();
        }
        return List.of(
                new AuthorizationEvent.ReviewDue(
                        state.authorizationId(), state.clientId(), reviewOn, now));
    }

    private static List<AuthorizedService> services(List<ServiceUnits> asked) {
        Map<String, Integer> byCode = new LinkedHashMap<>();
        for (ServiceUnits service : asked) {
            byCode.merge(service.cpt(), service.units(), Integer::sum);
        }
        return byCode.entrySet().stream()
                .map(e -> new AuthorizedService(e.getKey(), e.getValue()))
                .toList();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static Refused illegal(AuthorizationState state, String what) {
        return Refused.conflict(
                "illegal-transition",
                "an authorization that is "
                        + (state.status() == null ? "unknown" : state.status())
                        + " cannot be "
                        + what);
    }
}
