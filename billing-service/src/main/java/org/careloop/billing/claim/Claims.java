package org.careloop.billing.claim;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.careloop.billing.authorization.AuthorizationBook;
import org.careloop.billing.authorization.AuthorizationRecord;
import org.careloop.billing.authorization.Authorizations;
import org.careloop.billing.authorization.Consumption;
import org.careloop.billing.authorization.LedgerEntry;
import org.careloop.billing.claimtrigger.ClaimTriggers;
import org.careloop.billing.coding.ClientLocation;
import org.careloop.billing.coding.Coder;
import org.careloop.billing.coding.Coding;
import org.careloop.billing.coding.CodingHold;
import org.careloop.billing.coding.CodingRequest;
import org.careloop.billing.coding.Modality;
import org.careloop.billing.coding.ServiceLine;
import org.careloop.billing.coding.SessionKind;
import org.careloop.billing.coding.TelehealthModifiers;
import org.careloop.billing.coverage.Coverages;
import org.careloop.billing.payer.PayerDirectory;
import org.careloop.billing.payer.PayerRecord;
import org.careloop.billing.payer.PayerRules;
import org.careloop.billing.plan.PlanInForce;
import org.careloop.billing.plan.TreatmentPlans;
import org.careloop.billing.provider.RenderingProvider;
import org.careloop.billing.provider.RenderingProviders;
import org.careloop.billing.session.DeliveredSession;
import org.careloop.billing.session.DeliveredSessions;
import org.careloop.contracts.IntegrationEvent;
import org.careloop.contracts.billing.ClaimHeld;
import org.careloop.contracts.treatment.Diagnosis;
import org.careloop.platform.command.Commands;
import org.careloop.platform.command.Decision;
import org.careloop.platform.command.History;
import org.careloop.platform.consent.ConsentCheck;
import org.careloop.platform.consent.Consents;
import org.careloop.platform.consent.Part2;
import org.careloop.platform.consent.Purpose;
import org.careloop.platform.eventstore.StreamId;
import org.careloop.platform.projection.JsonColumns;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns documented sessions into claims and keeps them true: codes each session, draws its units
 * from the matching authorization, holds it with every reason that applies, and evaluates held
 * claims again when a cause changes. Every method runs in the caller's transaction.
 */
@ApplicationScoped
public class Claims implements ClaimTriggers {

    private final Commands commands;
    private final ClaimBook book;
    private final DeliveredSessions sessions;
    private final Coverages coverages;
    private final PayerDirectory payers;
    private final TreatmentPlans plans;
    private final RenderingProviders providers;
    private final AuthorizationBook authorizationBook;
    private final Authorizations authorizations;
    private final Consents consents;
    private final Clock clock;
    private final ZoneId clinicZone;

    Claims(
            Commands commands,
            ClaimBook book,
            DeliveredSessions sessions,
            Coverages coverages,
            PayerDirectory payers,
            TreatmentPlans plans,
            RenderingProviders providers,
            AuthorizationBook authorizationBook,
            Authorizations authorizations,
            Consents consents,
            Clock clock,
            @ConfigProperty(name = "careloop.clinic.time-zone") ZoneId clinicZone) {
        this.commands = commands;
        this.book = book;
        this.sessions = sessions;
        this.coverages = coverages;
        this.payers = payers;
        this.plans = plans;
        this.providers = providers;
        this.authorizationBook = authorizationBook;
        this.authorizations = authorizations;
        this.consents = consents;
        this.clock = clock;
        this.clinicZone = clinicZone;
    }

    /**
     * A session's claim id: derived from the session's, so a redelivered session finds its claim,
     * yet never equal to it.
     */
    public static UUID claimIdOf(UUID sessionId) {
        return UUID.nameUUIDFromBytes(
                ("careloop-claim:" + sessionId).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Uni<Void> sessionDocumented(UUID sessionId) {
        return evaluate(sessionId);
    }

    @Override
    public Uni<Void> sessionVoided(UUID sessionId, String reason) {
        Instant now = clock.instant();
        return sessions.find(sessionId)
                .flatMap(
                        session -> {
                            if (session == null) {
                                return Uni.createFrom().voidItem();
                            }
                            return giveBackUnits(sessionId)
                                    .flatMap(
                                            done ->
                                                    record(
                                                            claimIdOf(sessionId),
                                                            state ->
                                                                    ClaimDecider.voided(
                                                                            state,
                                                                            claimIdOf(sessionId),
                                                                            sessionId,
                                                                            session.clientId,
                                                                            reason,
                                                                            now)));
                        });
    }

    /** The client's claims not yet exported: a held one may be released, a ready one held. */
    @Override
    public Uni<Void> reconsiderClient(UUID clientId) {
        return book.openOfClient(clientId).flatMap(this::evaluateAll);
    }

    @Override
    public Uni<Void> reconsiderPayer(String payerId) {
        return book.openOfPayer(payerId).flatMap(this::evaluateAll);
    }

    @Override
    public Uni<Void> reconsiderProvider(String username) {
        return Panache.getSession()
                .flatMap(
                        session ->
                                session.createNativeQuery(
                                                """
                select c.session_id from claim c join delivered_session s on s.session_id = c.session_id
                where c.status in ('HELD', 'READY') and (s.rendering_clinician = :who or s.supervising_clinician = :who)
                order by c.claim_id""",
                                                UUID.class)
                                        .setParameter("who", username)
                                        .getResultList())
                .flatMap(
                        ids -> {
                            Uni<Void> chain = Uni.createFrom().voidItem();
                            for (UUID id : ids) {
                                chain = chain.call(() -> evaluate(id));
                            }
                            return chain;
                        });
    }

    /** Marks a READY claim exported in the interchange; false when it was no longer READY. */
    public Uni<Boolean> exported(UUID claimId, UUID exportId, long controlNumber) {
        Instant now = clock.instant();
        return load(claimId)
                .flatMap(
                        history -> {
                            List<ClaimEvent> events =
                                    ClaimDecider.exported(
                                            ClaimState.of(history.events()),
                                            exportId,
                                            controlNumber,
                                            now);
                            return commands.record(
                                            history,
                                            new Decision<>(events, List.of()),
                                            "claim-export")
                                    .map(recorded -> !events.isEmpty());
                        });
    }

    private Uni<Void> evaluateAll(List<ClaimRecord> claims) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ClaimRecord claim : claims) {
            chain = chain.call(() -> evaluate(claim.sessionId));
        }
        return chain;
    }

    /** Codes the session, draws its units, and records the claim as it now stands. */
    private Uni<Void> evaluate(UUID sessionId) {
        return sessions.find(sessionId)
                .flatMap(
                        session -> {
                            if (session == null) {
                                return Uni.createFrom().voidItem();
                            }
                            if (DeliveredSession.VOIDED.equals(session.status)) {
                                return sessionVoided(sessionId, session.voidReason);
                            }
                            return load(claimIdOf(sessionId))
                                    .flatMap(
                                            history -> {
                                                if (ClaimState.of(history.events()).settled()) {
                                                    return Uni.createFrom().voidItem();
                                                }
                                                return facts(session)
                                                        .flatMap(
                                                                facts ->
                                                                        record(
                                                                                history,
                                                                                state ->
                                                                                        ClaimDecider
                                                                                                .evaluate(
                                                                                                        state,
                                                                                                        facts,
                                                                                                        clock
                                                                                                                .instant())));
                                            });
                        });
    }

    /** What billing knows around a session, gathered one query after another in one session. */
    private record Around(
            PayerRecord payer,
            PlanInForce plan,
            Map<String, RenderingProvider> known,
            String consentRefusal) {}

    private Uni<ClaimFacts> facts(DeliveredSession session) {
        LocalDate day = LocalDate.ofInstant(session.startedAt, clinicZone);
        List<String> diagnoses =
                JsonColumns.read(session.diagnoses, new TypeReference<List<Diagnosis>>() {})
                        .stream()
                        .map(Diagnosis::code)
                        .toList();
        Set<String> staff = new HashSet<>();
        staff.add(session.renderingClinician);
        if (session.supervisingClinician != null) {
            staff.add(session.supervisingClinician);
        }
        Uni<PayerRecord> payerOf =
                coverages
                        .billedOn(session.clientId, day)
                        .flatMap(
                                coverage ->
                                        coverage.isEmpty()
                                                ? Uni.createFrom().<PayerRecord>nullItem()
                                                : payers.find(coverage.get().payerId));
        return payerOf.flatMap(
                        payer ->
                                planOf(session)
                                        .flatMap(
                                                plan ->
                                                        providers
                                                                .byUsername(staff)
                                                                .flatMap(
                                                                        known ->
                                                                                consentRefusal(
                                                                                                session,
                                                                                                payer,
                                                                                                diagnoses)
                                                                                        .map(
                                                                                                refusal ->
                                                                                                        new Around(
                                                                                                                payer,
                                                                                                                plan,
                                                                                                                known,
                                                                                                                refusal)))))
                .flatMap(around -> gather(session, day, diagnoses.size(), around));
    }

    private Uni<PlanInForce> planOf(DeliveredSession session) {
        return session.planId == null ? Uni.createFrom().nullItem() : plans.find(session.planId);
    }

    /**
     * Why the client's consents do not let this claim go to the payer, or null: a claim carrying a
     * substance use disorder diagnosis discloses a 42 CFR Part 2 record, which needs the client's
     * DISCLOSURE consent to {@code payer:<payerId>} for PAYMENT covering Part 2 (42 CFR 2.31,
     * 2.33).
     */
    private Uni<String> consentRefusal(
            DeliveredSession session, PayerRecord payer, List<String> diagnoses) {
        if (payer == null || !Part2.anyCode(diagnoses)) {
            return Uni.createFrom().nullItem();
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), clinicZone);
        return consents.of(session.clientId)
                .map(
                        all ->
                                ConsentCheck.check(
                                                        all,
                                                        recipient(payer.payerId),
                                                        Purpose.PAYMENT,
                                                        true,
                                                        today)
                                                instanceof ConsentCheck.Refused refused
                                        ? refused.reason()
                                        : null);
    }

    /** How intake's consents name a payer as recipient. */
    public static String recipient(String payerId) {
        return "payer:" + payerId;
    }

    private Uni<ClaimFacts> gather(
            DeliveredSession session, LocalDate day, int diagnoses, Around around) {
        PayerRecord payer = around.payer();
        PlanInForce plan = around.plan();
        Map<String, RenderingProvider> known = around.known();
        PayerRules rules = payer == null ? null : payer.rules();
        TelehealthModifiers modifiers =
                rules == null
                        ? TelehealthModifiers.standard()
                        : new TelehealthModifiers(rules.videoModifier(), rules.audioOnlyModifier());
        Coding coding = code(session, modifiers);
        boolean planInForce = plan != null && !plan.closed && plan.inForceOn(day);
        RenderingProvider rendering = known.get(session.renderingClinician);
        RenderingProvider supervising =
                session.supervisingClinician == null
                        ? null
                        : known.get(session.supervisingClinician);
        Uni<Map<String, ClaimFacts.AuthorizationMatch>> matches =
                Uni.createFrom().item(new LinkedHashMap<>());
        if (rules != null && coding.billable()) {
            for (ServiceLine line : coding.lines()) {
                if (rules.requiresAuthorization(line.cpt())) {
                    matches =
                            matches.flatMap(
                                    found ->
                                            authorize(session, payer.payerId, line, day)
                                                    .map(
                                                            match -> {
                                                                found.put(line.cpt(), match);
                                                                return found;
                                                            }));
                }
            }
        }
        return matches.map(
                found ->
                        new ClaimFacts(
                                claimIdOf(session.sessionId),
                                session.sessionId,
                                session.clientId,
                                day,
                                LocalDate.ofInstant(clock.instant(), clinicZone),
                                session.minutes,
                                session.type,
                                coding,
                                payer == null ? null : payer.payerId,
                                rules,
                                planInForce,
                                diagnoses,
                                session.renderingClinician,
                                rendering != null && rendering.npi != null,
                                session.supervisingClinician,
                                supervising != null && supervising.npi != null,
                                around.consentRefusal(),
                                Map.copyOf(found)));
    }

    /**
     * The session coded. A type, modality or location the coder does not know holds the claim
     * rather than failing treatment's event, which would dead-letter the delivered session too.
     */
    private static Coding code(DeliveredSession session, TelehealthModifiers modifiers) {
        SessionKind kind = known(SessionKind.class, session.type);
        Modality modality = known(Modality.class, session.modality);
        ClientLocation location = known(ClientLocation.class, session.clientLocation);
        if (kind == null || modality == null || location == null || session.minutes < 0) {
            return new Coding(List.of(), List.of(CodingHold.NOT_CODABLE));
        }
        return Coder.code(
                new CodingRequest(
                        kind, session.minutes, modality, location, session.interactiveComplexity),
                modifiers);
    }

    private static <E extends Enum<E>> E known(Class<E> type, String name) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        return null;
    }

    /**
     * The authorization this line draws on: the one it already drew on, else the first granted one
     * covering the code and date with units left (the soonest to end first).
     */
    private Uni<ClaimFacts.AuthorizationMatch> authorize(
            DeliveredSession session, String payerId, ServiceLine line, LocalDate day) {
        return LedgerEntry.<LedgerEntry>find(
                        "sessionId = ?1 and cpt = ?2 and returnedAt is null",
                        session.sessionId,
                        line.cpt())
                .firstResult()
                .flatMap(
                        drawn -> {
                            if (drawn != null) {
                                return authorizationBook
                                        .find(drawn.authorizationId)
                                        .map(
                                                a ->
                                                        (ClaimFacts.AuthorizationMatch)
                                                                new ClaimFacts.AuthorizationMatch
                                                                        .Granted(
                                                                        a.authorizationId,
                                                                        a.authorizationNumber));
                            }
                            return authorizationBook
                                    .grantedFor(session.clientId, payerId)
                                    .flatMap(
                                            granted -> draw(session, line, day, granted, 0, false));
                        });
    }

    private Uni<ClaimFacts.AuthorizationMatch> draw(
            DeliveredSession session,
            ServiceLine line,
            LocalDate day,
            List<AuthorizationRecord> granted,
            int next,
            boolean exhausted) {
        if (next >= granted.size()) {
            return Uni.createFrom().item(missing(line, day, granted, exhausted));
        }
        AuthorizationRecord candidate = granted.get(next);
        if (!candidate.covers(day) || !candidate.authorizes(line.cpt())) {
            return draw(session, line, day, granted, next + 1, exhausted);
        }
        return authorizations
                .consume(
                        candidate.authorizationId, session.sessionId, line.cpt(), line.units(), day)
                .flatMap(
                        result ->
                                switch (result) {
                                    case Consumption.Consumed c ->
                                            Uni.createFrom()
                                                    .item(
                                                            new ClaimFacts.AuthorizationMatch
                                                                    .Granted(
                                                                    candidate.authorizationId,
                                                                    candidate.authorizationNumber));
                                    case Consumption.AlreadyConsumed a ->
                                            Uni.createFrom()
                                                    .item(
                                                            new ClaimFacts.AuthorizationMatch
                                                                    .Granted(
                                                                    candidate.authorizationId,
                                                                    candidate.authorizationNumber));
                                    case Consumption.Unusable u ->
                                            draw(
                                                    session,
                                                    line,
                                                    day,
                                                    granted,
                                                    next + 1,
                                                    exhausted
                                                            || u.why()
                                                                    == Consumption.Why.EXHAUSTED);
                                });
    }

    private static ClaimFacts.AuthorizationMatch missing(
            ServiceLine line, LocalDate day, List<AuthorizationRecord> granted, boolean exhausted) {
        if (exhausted) {
            return new ClaimFacts.AuthorizationMatch.Missing(
                    HoldReason.AUTHORIZATION_EXHAUSTED,
                    "every authorization for "
                            + line.cpt()
                            + " covering "
                            + day
                            + " has its units used");
        }
        boolean ended =
                granted.stream()
                        .anyMatch(
                                a ->
                                        a.authorizes(line.cpt())
                                                && a.endDate != null
                                                && a.endDate.isBefore(day));
        if (ended) {
            return new ClaimFacts.AuthorizationMatch.Missing(
                    HoldReason.AUTHORIZATION_EXPIRED,
                    "the authorization for " + line.cpt() + " ended before " + day);
        }
        return new ClaimFacts.AuthorizationMatch.Missing(
                HoldReason.NO_AUTHORIZATION,
                "no authorization for " + line.cpt() + " covers " + day);
    }

    /** Gives back the units this session drew, from every authorization it drew on. */
    private Uni<Void> giveBackUnits(UUID sessionId) {
        return LedgerEntry.<LedgerEntry>list("sessionId = ?1 and returnedAt is null", sessionId)
                .flatMap(
                        entries -> {
                            Set<UUID> drawnOn = new LinkedHashSet<>();
                            entries.forEach(e -> drawnOn.add(e.authorizationId));
                            Uni<Void> chain = Uni.createFrom().voidItem();
                            for (UUID authorizationId : drawnOn) {
                                chain =
                                        chain.call(
                                                () ->
                                                        authorizations.giveBack(
                                                                authorizationId, sessionId));
                            }
                            return chain;
                        });
    }

    private Uni<History<ClaimEvent>> load(UUID claimId) {
        return commands.load(StreamId.of(ClaimEvent.STREAM, claimId), ClaimEvent.class);
    }

    private Uni<Void> record(UUID claimId, Function<ClaimState, List<ClaimEvent>> decide) {
        return load(claimId).flatMap(history -> record(history, decide));
    }

    private Uni<Void> record(
            History<ClaimEvent> history, Function<ClaimState, List<ClaimEvent>> decide) {
        ClaimState before = ClaimState.of(history.events());
        List<ClaimEvent> events = decide.apply(before);
        List<IntegrationEvent> publish = new ArrayList<>();
        for (ClaimEvent event : events) {
            if (event instanceof ClaimEvent.Evaluated e
                    && e.status() == ClaimStatus.HELD
                    && !reasons(e.holds()).equals(reasons(before.holds()))) {
                publish.add(
                        new ClaimHeld(
                                e.clientId(),
                                e.claimId(),
                                e.claimId(),
                                reasons(e.holds()),
                                e.at()));
            }
        }
        return commands.record(history, new Decision<>(events, publish), "claims")
                .replaceWithVoid();
    }

    private static List<String> reasons(List<Hold> holds) {
        return holds.stream().map(h -> h.reason().name()).distinct().sorted().toList();
    }
}
