package org.careloop.billing.authorization;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.careloop.billing.claimtrigger.ClaimTriggers;
import org.careloop.billing.coverage.Coverages;
import org.careloop.billing.payer.PayerDirectory;
import org.careloop.billing.payer.PayerRecord;
import org.careloop.billing.payer.PayerRules;
import org.careloop.contracts.IntegrationEvent;
import org.careloop.contracts.billing.AuthorizationDecided;
import org.careloop.contracts.billing.AuthorizationDecisionOverdue;
import org.careloop.contracts.billing.AuthorizationExhausted;
import org.careloop.contracts.billing.AuthorizationExpired;
import org.careloop.contracts.billing.AuthorizationExpiring;
import org.careloop.contracts.billing.AuthorizationNearlyExhausted;
import org.careloop.contracts.billing.AuthorizationReviewDue;
import org.careloop.contracts.billing.AuthorizationUnitsConsumed;
import org.careloop.contracts.billing.AuthorizationUnitsReturned;
import org.careloop.platform.command.Commands;
import org.careloop.platform.command.Decision;
import org.careloop.platform.command.History;
import org.careloop.platform.deadline.Deadline;
import org.careloop.platform.deadline.Deadlines;
import org.careloop.platform.directory.ClientDirectory;
import org.careloop.platform.eventstore.StreamId;
import org.careloop.platform.problem.InvalidCommand;
import org.careloop.platform.problem.Refused;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the authorization commands and clocks, and the unit ledger the claims draw on. Every method
 * runs in the caller's transaction.
 */
@ApplicationScoped
public class Authorizations {

    static final String DECISION_DUE = "authorization-decision";
    static final String EXPIRING = "authorization-expiring";
    static final String EXPIRY = "authorization-expiry";
    static final String REVIEW = "authorization-review";

    private final Commands commands;
    private final AuthorizationBook book;
    private final PayerDirectory payers;
    private final ClientDirectory clients;
    private final Coverages coverages;
    private final Deadlines deadlines;
    private final ExchangeQueue exchanges;
    private final ClaimTriggers held;
    private final Clock clock;
    private final Duration standardWindow;
    private final Duration expeditedWindow;
    private final Duration expiringNotice;
    private final UnitRule warnAt;
    private final ZoneId clinicZone;

    Authorizations(
            Commands commands,
            AuthorizationBook book,
            PayerDirectory payers,
            ClientDirectory clients,
            Coverages coverages,
            Deadlines deadlines,
            ExchangeQueue exchanges,
            ClaimTriggers held,
            Clock clock,
            @ConfigProperty(name = "careloop.authorizations.standard-decision-within")
                    Duration standardWindow,
            @ConfigProperty(name = "careloop.authorizations.expedited-decision-within")
                    Duration expeditedWindow,
            @ConfigProperty(name = "careloop.authorizations.expiring-notice")
                    Duration expiringNotice,
            @ConfigProperty(name = "careloop.authorizations.nearly-exhausted-share") double share,
            @ConfigProperty(name = "careloop.authorizations.nearly-exhausted-units") int units,
            @ConfigProperty(name = "careloop.clinic.time-zone") ZoneId clinicZone) {
        this.commands = commands;
        this.book = book;
        this.payers = payers;
        this.clients = clients;
        this.coverages = coverages;
        this.deadlines = deadlines;
        this.exchanges = exchanges;
        this.held = held;
        this.clock = clock;
        this.standardWindow = standardWindow;
        this.expeditedWindow = expeditedWindow;
        this.expiringNotice = expiringNotice;
        this.warnAt = new UnitRule(share, units);
        this.clinicZone = clinicZone;
    }

    public ZoneId clinicZone() {
        return clinicZone;
    }

    /** Drafts a request; returns its id. */
    public Uni<UUID> draft(UUID clientId, RequestAuthorization command, String by) {
        UUID authorizationId = UUID.randomUUID();
        Instant now = clock.instant();
        return clients.known(clientId)
                .flatMap(client -> payer("payerId", command.payerId()))
                .invoke(
                        payer -> {
                            PayerRules rules = payer.rules();
                            for (int i = 0; i < command.services().size(); i++) {
                                String cpt = command.services().get(i).cpt();
                                if (!rules.knows(cpt)) {
                                    throw new InvalidCommand(
                                            "services[" + i + "].cpt",
                                            "payer "
                                                    + payer.payerId
                                                    + " does not know code "
                                                    + cpt);
                                }
                            }
                        })
                .flatMap(
                        payer ->
                                record(
                                        History.of(stream(authorizationId)),
                                        state ->
                                                AuthorizationDecider.draft(
                                                        state,
                                                        authorizationId,
                                                        clientId,
                                                        command,
                                                        by,
                                                        now),
                                        by))
                .replaceWith(authorizationId);
    }

    /** Sends the request: electronically where the payer has PAS, else it is on record as sent. */
    public Uni<Void> submit(UUID authorizationId, String by) {
        Instant now = clock.instant();
        return load(authorizationId)
                .flatMap(
                        history -> {
                            AuthorizationState state = AuthorizationState.of(history.events());
                            return payer("payerId", state.payerId())
                                    .call(payer -> coveredForExchange(state.clientId(), payer))
                                    .flatMap(
                                            payer ->
                                                    record(
                                                                    history,
                                                                    s ->
                                                                            AuthorizationDecider
                                                                                    .submit(
                                                                                            s,
                                                                                            payer.electronic,
                                                                                            standardWindow,
                                                                                            expeditedWindow,
                                                                                            by,
                                                                                            now),
                                                                    by)
                                                            .call(
                                                                    () ->
                                                                            payer.electronic
                                                                                    ? exchanges
                                                                                            .submit(
                                                                                                    authorizationId,
                                                                                                    now)
                                                                                    : Uni
                                                                                            .createFrom()
                                                                                            .voidItem()));
                        })
                .replaceWithVoid();
    }

    /** A payer's PAS interface identifies the client by member id: electronic requests need it. */
    private Uni<Void> coveredForExchange(UUID clientId, PayerRecord payer) {
        if (!payer.electronic) {
            return Uni.createFrom().voidItem();
        }
        return coverages
                .find(clientId, payer.payerId)
                .invoke(
                        coverage -> {
                            if (coverage == null) {
                                throw Refused.conflict(
                                        "no-coverage",
                                        "the client has no coverage with "
                                                + payer.payerId
                                                + " on record: its PAS interface needs the member id");
                            }
                        })
                .replaceWithVoid();
    }

    /** Records a payer's decision, by staff or as the payer's interface answered. */
    public Uni<Void> decide(
            UUID authorizationId, RecordDecision command, boolean electronic, String by) {
        Instant now = clock.instant();
        return load(authorizationId)
                .flatMap(
                        history -> {
                            AuthorizationState state = AuthorizationState.of(history.events());
                            return payer("payerId", state.payerId())
                                    .invoke(payer -> knownCodes(payer, command))
                                    .flatMap(
                                            payer ->
                                                    record(
                                                            history,
                                                            s ->
                                                                    AuthorizationDecider.decide(
                                                                            s,
                                                                            command,
                                                                            electronic,
                                                                            by,
                                                                            now),
                                                            by));
                        })
                .replaceWithVoid();
    }

    public Uni<Void> appeal(UUID authorizationId, Appeal command, String by) {
        Instant now = clock.instant();
        return load(authorizationId)
                .flatMap(
                        history ->
                                record(
                                        history,
                                        s -> AuthorizationDecider.appeal(s, command, by, now),
                                        by))
                .replaceWithVoid();
    }

    /** The payer's interface refused the exchange: on record for staff to act on. */
    public Uni<Void> exchangeRefused(UUID authorizationId, String reason) {
        Instant now = clock.instant();
        return load(authorizationId)
                .flatMap(
                        history ->
                                record(
                                        history,
                                        s ->
                                                List.of(
                                                        new AuthorizationEvent.ExchangeRefused(
                                                                s.authorizationId(),
                                                                s.clientId(),
                                                                reason,
                                                                now)),
                                        "payer-exchange"))
                .replaceWithVoid();
    }

    /** The state of one authorization, as its stream folds. */
    public Uni<AuthorizationState> state(UUID authorizationId) {
        return load(authorizationId).map(history -> AuthorizationState.of(history.events()));
    }

    /** Asks one authorization for a session's units; records them when it has them. */
    public Uni<Consumption> consume(
            UUID authorizationId, UUID sessionId, String cpt, int units, LocalDate serviceDate) {
        Instant now = clock.instant();
        return load(authorizationId)
                .flatMap(
                        history -> {
                            AuthorizationState state = AuthorizationState.of(history.events());
                            Consumption result =
                                    AuthorizationDecider.consume(
                                            state, sessionId, cpt, units, serviceDate, warnAt, now);
                            if (result instanceof Consumption.Consumed consumed) {
                                return record(history, s -> consumed.events(), "unit-ledger")
                                        .replaceWith(result);
                            }
                            return Uni.createFrom().item(result);
                        });
    }

    /** A voided session's units go back to the authorization that gave them. */
    public Uni<Void> giveBack(UUID authorizationId, UUID sessionId) {
        Instant now = clock.instant();
        return load(authorizationId)
                .flatMap(
                        history ->
                                record(
                                        history,
                                        s -> AuthorizationDecider.giveBack(s, sessionId, now),
                                        "unit-ledger"))
                .replaceWithVoid();
    }

    /** One of the authorization clocks fell due. */
    Uni<Void> due(Deadline deadline, Instant now) {
        UUID authorizationId = deadline.streamId;
        Function<AuthorizationState, List<AuthorizationEvent>> decide =
                switch (deadline.kind) {
                    case DECISION_DUE -> s -> AuthorizationDecider.decisionDue(s, now);
                    case EXPIRING -> s -> AuthorizationDecider.expiring(s, now);
                    case EXPIRY -> s -> AuthorizationDecider.expire(s, now);
                    case REVIEW ->
                            s ->
                                    AuthorizationDecider.reviewDue(
                                            s,
                                            LocalDate.ofInstant(deadline.dueAt, clinicZone),
                                            now);
                    default -> throw new IllegalArgumentException(deadline.kind);
                };
        return load(authorizationId)
                .flatMap(
                        history ->
                                record(history, decide, "authorization-clock")
                                        .flatMap(
                                                events -> {
                                                    if (!deadline.kind.equals(REVIEW)) {
                                                        return deadlines.clear(
                                                                deadline.kind, authorizationId);
                                                    }
                                                    // the claimed deadline moves to the next date
                                                    LocalDate reviewed =
                                                            LocalDate.ofInstant(
                                                                    deadline.dueAt, clinicZone);
                                                    return reviewDates(history.events()).stream()
                                                            .filter(day -> day.isAfter(reviewed))
                                                            .findFirst()
                                                            .map(
                                                                    day ->
                                                                            deadlines.set(
                                                                                    REVIEW,
                                                                                    authorizationId,
                                                                                    0,
                                                                                    startOf(day)))
                                                            .orElseGet(
                                                                    () ->
                                                                            deadlines.clear(
                                                                                    REVIEW,
                                                                                    authorizationId));
                                                }));
    }

    private void knownCodes(PayerRecord payer, RecordDecision command) {
        if (command.services() == null) {
            return;
        }
        PayerRules rules = payer.rules();
        for (int i = 0; i < command.services().size(); i++) {
            String cpt = command.services().get(i).cpt();
            if (!rules.knows(cpt)) {
                throw new InvalidCommand(
                        "services[" + i + "].cpt",
                        "payer " + payer.payerId + " does not know code " + cpt);
            }
        }
    }

    private Uni<PayerRecord> payer(String field, String payerId) {
        return payers.find(payerId)
                .map(
                        payer -> {
                            if (payer == null) {
                                throw new InvalidCommand(
                                        field,
                                        "no payer "
                                                + payerId
                                                + ": set it up first (PUT /payers/"
                                                + payerId
                                                + ")");
                            }
                            return payer;
                        });
    }

    private static StreamId stream(UUID authorizationId) {
        return StreamId.of(AuthorizationEvent.STREAM, authorizationId);
    }

    private Uni<History<AuthorizationEvent>> load(UUID authorizationId) {
        return commands.load(stream(authorizationId), AuthorizationEvent.class)
                .invoke(
                        history -> {
                            if (history.events().isEmpty()) {
                                throw Refused.notFound(
                                        "authorization", "no authorization " + authorizationId);
                            }
                        });
    }

    /**
     * Decides on the history, records the events with their integration events, moves the clocks
     * they imply and, when units or grants changed, evaluates the client's held claims again.
     */
    private Uni<List<AuthorizationEvent>> record(
            History<AuthorizationEvent> history,
            Function<AuthorizationState, List<AuthorizationEvent>> decide,
            String actor) {
        AuthorizationState before = AuthorizationState.of(history.events());
        List<AuthorizationEvent> events = decide.apply(before);
        List<IntegrationEvent> publish = new ArrayList<>();
        AuthorizationState state = before;
        for (AuthorizationEvent event : events) {
            state = state.evolve(event);
            IntegrationEvent contract = toContract(history, state, event);
            if (contract != null) {
                publish.add(contract);
            }
        }
        AuthorizationState after = state;
        return commands.record(history, new Decision<>(events, publish), actor)
                .call(recorded -> clocks(history, after, events))
                .call(
                        recorded ->
                                events.stream().anyMatch(Authorizations::changesClaims)
                                        ? held.reconsiderClient(after.clientId())
                                        : Uni.createFrom().voidItem())
                .replaceWith(events);
    }

    private static boolean changesClaims(AuthorizationEvent event) {
        return (event instanceof AuthorizationEvent.Decided d && d.outcome().grants())
                || event instanceof AuthorizationEvent.UnitsReturned;
    }

    private Uni<Void> clocks(
            History<AuthorizationEvent> history,
            AuthorizationState after,
            List<AuthorizationEvent> events) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        UUID id = after.authorizationId();
        LocalDate today = LocalDate.ofInstant(clock.instant(), clinicZone);
        for (AuthorizationEvent event : events) {
            switch (event) {
                case AuthorizationEvent.Requested r ->
                        chain =
                                chain.call(
                                        () ->
                                                deadlines.set(
                                                        DECISION_DUE, id, 0, r.decisionDueAt()));
                case AuthorizationEvent.Decided d when d.outcome() != Outcome.PENDED -> {
                    chain = chain.call(() -> deadlines.clear(DECISION_DUE, id));
                    if (d.outcome().grants()) {
                        Instant expiry = startOf(d.endDate().plusDays(1));
                        Instant notice = expiry.minus(expiringNotice);
                        chain =
                                chain.call(() -> deadlines.set(EXPIRY, id, 0, expiry))
                                        .call(() -> deadlines.set(EXPIRING, id, 0, notice));
                        chain = chain.call(() -> review(id, d.concurrentReviewDates(), today));
                    }
                }
                default -> {}
            }
        }
        return chain;
    }

    /** Sets the review clock to the first of the dates on or after {@code from}, if any. */
    private Uni<Void> review(UUID authorizationId, List<LocalDate> dates, LocalDate from) {
        return dates.stream()
                .filter(day -> !day.isBefore(from))
                .findFirst()
                .map(day -> deadlines.set(REVIEW, authorizationId, 0, startOf(day)))
                .orElseGet(() -> Uni.createFrom().voidItem());
    }

    /** The concurrent-review dates of the decision in force. */
    private static List<LocalDate> reviewDates(List<AuthorizationEvent> events) {
        List<LocalDate> dates = List.of();
        for (AuthorizationEvent event : events) {
            if (event instanceof AuthorizationEvent.Decided d && d.outcome().grants()) {
                dates = d.concurrentReviewDates();
            }
        }
        return dates;
    }

    private static Instant requestedAt(List<AuthorizationEvent> events) {
        Instant at = null;
        for (AuthorizationEvent event : events) {
            if (event instanceof AuthorizationEvent.Requested r) {
                at = r.at();
            }
        }
        return at;
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(clinicZone).toInstant();
    }

    private IntegrationEvent toContract(
            History<AuthorizationEvent> history,
            AuthorizationState state,
            AuthorizationEvent event) {
        return switch (event) {
            case AuthorizationEvent.Decided d ->
                    new AuthorizationDecided(
                            d.clientId(),
                            d.authorizationId(),
                            state.payerId(),
                            d.outcome().name(),
                            d.authorizationNumber(),
                            d.services(),
                            d.startDate(),
                            d.endDate(),
                            d.reason(),
                            d.electronic(),
                            d.at(),
                            d.by());
            case AuthorizationEvent.DecisionOverdue o ->
                    new AuthorizationDecisionOverdue(
                            o.clientId(),
                            o.authorizationId(),
                            state.payerId(),
                            state.urgency().name(),
                            requestedAt(history.events()),
                            o.dueAt());
            case AuthorizationEvent.UnitsConsumed c ->
                    new AuthorizationUnitsConsumed(
                            c.clientId(),
                            c.authorizationId(),
                            c.sessionId(),
                            c.cpt(),
                            c.units(),
                            state.remaining(c.cpt()),
                            c.serviceDate(),
                            c.at());
            case AuthorizationEvent.UnitsReturned r ->
                    new AuthorizationUnitsReturned(
                            r.clientId(),
                            r.authorizationId(),
                            r.sessionId(),
                            r.cpt(),
                            r.units(),
                            state.remaining(r.cpt()),
                            r.at());
            case AuthorizationEvent.NearlyExhausted n ->
                    new AuthorizationNearlyExhausted(
                            n.clientId(),
                            n.authorizationId(),
                            state.authorizationNumber(),
                            n.remaining(),
                            n.approved(),
                            n.at());
            case AuthorizationEvent.Exhausted x ->
                    new AuthorizationExhausted(
                            x.clientId(),
                            x.authorizationId(),
                            state.authorizationNumber(),
                            x.approved(),
                            x.at());
            case AuthorizationEvent.Expiring x ->
                    new AuthorizationExpiring(
                            x.clientId(),
                            x.authorizationId(),
                            state.authorizationNumber(),
                            x.endDate(),
                            x.remaining(),
                            x.at());
            case AuthorizationEvent.Expired x ->
                    new AuthorizationExpired(
                            x.clientId(),
                            x.authorizationId(),
                            state.authorizationNumber(),
                            state.endDate(),
                            x.unused(),
                            x.at());
            case AuthorizationEvent.ReviewDue r ->
                    new AuthorizationReviewDue(
                            r.clientId(),
                            r.authorizationId(),
                            state.authorizationNumber(),
                            r.reviewOn(),
                            r.at());
            default -> null;
        };
    }
}
