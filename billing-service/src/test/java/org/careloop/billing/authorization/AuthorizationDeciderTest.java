package org.careloop.billing.authorization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.careloop.platform.problem.InvalidCommand;
import org.careloop.platform.problem.Refused;
import org.junit.jupiter.api.Test;

class AuthorizationDeciderTest {

    static final Instant NOW = Instant.parse("2026-12-01T15:00:00Z");
    static final UUID AUTHORIZATION = UUID.fromString("2f1e0d9c-8b7a-4c6d-9e5f-4a3b2c1d0e9f");
    static final UUID CLIENT = UUID.fromString("5b0c6f2e-8d1a-4c3e-9f7b-2a4d6e8f0a1c");
    static final LocalDate START = LocalDate.of(2026, 12, 1);
    static final LocalDate END = LocalDate.of(2027, 2, 28);
    static final UnitRule WARN = new UnitRule(0.2, 2);

    private final List<AuthorizationEvent> history = new ArrayList<>();

    private AuthorizationState state() {
        return AuthorizationState.of(history);
    }

    private void given(List<AuthorizationEvent> events) {
        history.addAll(events);
    }

    private static RequestAuthorization request(Urgency urgency, int units) {
        return new RequestAuthorization(
                "aetna-oh",
                urgency,
                List.of(new ServiceUnits("90837", units)),
                START,
                END,
                List.of("F33.1"),
                "Moderate recurrent depression, PHQ-9 17");
    }

    private void drafted(Urgency urgency, int units) {
        given(
                AuthorizationDecider.draft(
                        state(), AUTHORIZATION, CLIENT, request(urgency, units), "billing1", NOW));
    }

    private void requested(Urgency urgency, int units) {
        drafted(urgency, units);
        given(
                AuthorizationDecider.submit(
                        state(), false, Duration.ofDays(7), Duration.ofHours(72), "billing1", NOW));
    }

    private void approved(int units) {
        requested(Urgency.STANDARD, units);
        given(
                AuthorizationDecider.decide(
                        state(),
                        new RecordDecision(Outcome.APPROVED, "PA-1", null, null, null, null, null),
                        false,
                        "billing1",
                        NOW));
    }

    private Consumption consume(UUID session, LocalDate day) {
        Consumption result =
                AuthorizationDecider.consume(state(), session, "90837", 1, day, WARN, NOW);
        if (result instanceof Consumption.Consumed c) {
            given(c.events());
        }
        return result;
    }

    @Test
    void aDraftSentIsRequestedWithTheDecisionDueInSevenDaysStandard() {
        requested(Urgency.STANDARD, 12);

        assertEquals(AuthorizationStatus.REQUESTED, state().status());
        assertEquals(NOW.plus(Duration.ofDays(7)), state().decisionDueAt());
    }

    @Test
    void anExpeditedRequestIsDueInSeventyTwoHours() {
        requested(Urgency.EXPEDITED, 12);

        assertEquals(NOW.plus(Duration.ofHours(72)), state().decisionDueAt());
    }

    @Test
    void aRequestEndingBeforeItStartsIsRefusedNamingTheField() {
        RequestAuthorization backwards =
                new RequestAuthorization(
                        "aetna-oh",
                        Urgency.STANDARD,
                        List.of(new ServiceUnits("90837", 4)),
                        END,
                        START,
                        List.of("F33.1"),
                        "x");

        InvalidCommand refused =
                assertThrows(
                        InvalidCommand.class,
                        () ->
                                AuthorizationDecider.draft(
                                        state(), AUTHORIZATION, CLIENT, backwards, "b", NOW));
        assertEquals("endDate", refused.problem().errors().get(0).field());
    }

    @Test
    void anApprovalWithoutTheRequestedServicesGrantsWhatWasRequested() {
        approved(12);

        assertEquals(AuthorizationStatus.ACTIVE, state().status());
        assertEquals(12, state().remaining("90837"));
        assertEquals(START, state().startDate());
        assertEquals(END, state().endDate());
    }

    @Test
    void anApprovalNeedsTheAuthorizationNumber() {
        requested(Urgency.STANDARD, 4);

        assertThrows(
                InvalidCommand.class,
                () ->
                        AuthorizationDecider.decide(
                                state(),
                                new RecordDecision(
                                        Outcome.APPROVED, null, null, null, null, null, null),
                                false,
                                "b",
                                NOW));
    }

    @Test
    void aPendedRequestCanStillBeApproved() {
        requested(Urgency.STANDARD, 4);
        given(
                AuthorizationDecider.decide(
                        state(),
                        new RecordDecision(
                                Outcome.PENDED, null, null, null, null, "need scores", null),
                        false,
                        "b",
                        NOW));
        assertEquals(AuthorizationStatus.PENDED, state().status());

        given(
                AuthorizationDecider.decide(
                        state(),
                        new RecordDecision(
                                Outcome.PARTIALLY_APPROVED,
                                "PA-2",
                                List.of(new ServiceUnits("90837", 2)),
                                null,
                                null,
                                null,
                                null),
                        false,
                        "b",
                        NOW));

        assertEquals(AuthorizationStatus.ACTIVE, state().status());
        assertEquals(Outcome.PARTIALLY_APPROVED, state().outcome());
        assertEquals(2, state().approvedTotal());
    }

    @Test
    void aDenialIsAppealedThenOverturnedIntoAnActiveAuthorization() {
        requested(Urgency.STANDARD, 4);
        given(
                AuthorizationDecider.decide(
                        state(),
                        new RecordDecision(
                                Outcome.DENIED,
                                null,
                                null,
                                null,
                                null,
                                "not medically necessary",
                                null),
                        false,
                        "b",
                        NOW));
        given(
                AuthorizationDecider.appeal(
                        state(), new Appeal("Attached outcome scores"), "b", NOW));
        assertEquals(AuthorizationStatus.APPEALED, state().status());

        given(
                AuthorizationDecider.decide(
                        state(),
                        new RecordDecision(
                                Outcome.OVERTURNED, "PA-3", null, null, null, null, null),
                        false,
                        "b",
                        NOW));

        assertEquals(AuthorizationStatus.ACTIVE, state().status());
        assertEquals(4, state().remainingTotal());
    }

    @Test
    void anUpheldAppealIsFinal() {
        requested(Urgency.STANDARD, 4);
        given(
                AuthorizationDecider.decide(
                        state(),
                        new RecordDecision(Outcome.DENIED, null, null, null, null, "no", null),
                        false,
                        "b",
                        NOW));
        given(AuthorizationDecider.appeal(state(), new Appeal("grounds"), "b", NOW));
        given(
                AuthorizationDecider.decide(
                        state(),
                        new RecordDecision(
                                Outcome.UPHELD, null, null, null, null, "still no", null),
                        false,
                        "b",
                        NOW));

        assertEquals(AuthorizationStatus.UPHELD, state().status());
        assertThrows(
                Refused.class,
                () -> AuthorizationDecider.appeal(state(), new Appeal("again"), "b", NOW));
    }

    @Test
    void illegalTransitionsAreConflicts() {
        drafted(Urgency.STANDARD, 4);
        RecordDecision approve =
                new RecordDecision(Outcome.APPROVED, "PA-1", null, null, null, null, null);

        assertThrows(
                Refused.class,
                () -> AuthorizationDecider.decide(state(), approve, false, "b", NOW),
                "a draft cannot be decided");
        assertThrows(
                Refused.class,
                () -> AuthorizationDecider.appeal(state(), new Appeal("why"), "b", NOW),
                "only a denial is appealed");
        given(
                AuthorizationDecider.submit(
                        state(), false, Duration.ofDays(7), Duration.ofHours(72), "b", NOW));
        assertThrows(
                Refused.class,
                () ->
                        AuthorizationDecider.submit(
                                state(), false, Duration.ofDays(7), Duration.ofHours(72), "b", NOW),
                "a request is sent once");
        assertThrows(
                Refused.class,
                () ->
                        AuthorizationDecider.decide(
                                state(),
                                new RecordDecision(
                                        Outcome.OVERTURNED, "PA", null, null, null, null, null),
                                false,
                                "b",
                                NOW),
                "only an appeal is overturned");
    }

    @Test
    void theDecisionDueTimePassingIsRaisedOnce() {
        requested(Urgency.EXPEDITED, 4);
        Instant late = NOW.plus(Duration.ofHours(73));

        assertEquals(List.of(), AuthorizationDecider.decisionDue(state(), NOW.plusSeconds(60)));
        given(AuthorizationDecider.decisionDue(state(), late));
        assertInstanceOf(AuthorizationEvent.DecisionOverdue.class, history.getLast());
        assertEquals(List.of(), AuthorizationDecider.decisionDue(state(), late));
    }

    @Test
    void eachSessionUsesItsUnitOnceAndTheLastUnitsWarnThenExhaust() {
        approved(2);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        Consumption one = consume(first, START.plusDays(7));
        assertInstanceOf(Consumption.Consumed.class, one);
        // one left of two: at or below 2 units, so the warning comes with the first session
        assertTrue(
                ((Consumption.Consumed) one)
                        .events().stream()
                                .anyMatch(e -> e instanceof AuthorizationEvent.NearlyExhausted));
        assertInstanceOf(Consumption.AlreadyConsumed.class, consume(first, START.plusDays(7)));
        assertEquals(1, state().remainingTotal());

        Consumption two = consume(second, START.plusDays(14));
        assertTrue(
                ((Consumption.Consumed) two)
                        .events().stream()
                                .anyMatch(e -> e instanceof AuthorizationEvent.Exhausted));
        assertEquals(AuthorizationStatus.EXHAUSTED, state().status());

        Consumption third = consume(UUID.randomUUID(), START.plusDays(21));
        assertEquals(new Consumption.Unusable(Consumption.Why.EXHAUSTED), third);
    }

    @Test
    void theWarningComesAtTwentyPercentOfALargeAuthorization() {
        approved(20);
        for (int i = 0; i < 15; i++) {
            consume(UUID.randomUUID(), START.plusDays(i));
        }
        assertTrue(
                history.stream().noneMatch(e -> e instanceof AuthorizationEvent.NearlyExhausted));

        consume(UUID.randomUUID(), START.plusDays(20));

        assertEquals(4, state().remainingTotal());
        assertInstanceOf(AuthorizationEvent.NearlyExhausted.class, history.getLast());
    }

    @Test
    void aSessionOutsideTheDatesOrCodeIsNotCovered() {
        approved(4);

        assertEquals(
                new Consumption.Unusable(Consumption.Why.OUTSIDE_DATES),
                consume(UUID.randomUUID(), END.plusDays(1)));
        assertEquals(
                new Consumption.Unusable(Consumption.Why.CODE_NOT_AUTHORIZED),
                AuthorizationDecider.consume(
                        state(), UUID.randomUUID(), "90834", 1, START, WARN, NOW));
    }

    @Test
    void aVoidedSessionGivesItsUnitBackAndReopensAnExhaustedAuthorization() {
        approved(1);
        UUID session = UUID.randomUUID();
        consume(session, START);
        assertEquals(AuthorizationStatus.EXHAUSTED, state().status());

        given(AuthorizationDecider.giveBack(state(), session, NOW));

        assertEquals(AuthorizationStatus.ACTIVE, state().status());
        assertEquals(1, state().remainingTotal());
        assertEquals(List.of(), AuthorizationDecider.giveBack(state(), session, NOW));
    }

    @Test
    void theEndDatePassingExpiresItAndWarnsOnlyWhileUnitsAreLeft() {
        approved(4);
        given(AuthorizationDecider.expiring(state(), NOW));
        assertInstanceOf(AuthorizationEvent.Expiring.class, history.getLast());
        assertEquals(List.of(), AuthorizationDecider.expiring(state(), NOW));

        given(AuthorizationDecider.expire(state(), NOW));

        assertEquals(AuthorizationStatus.EXPIRED, state().status());
        assertEquals(4, ((AuthorizationEvent.Expired) history.getLast()).unused());
        assertEquals(List.of(), AuthorizationDecider.expire(state(), NOW));
        // a session within the dates documented late still uses the expired authorization's units
        assertInstanceOf(Consumption.Consumed.class, consume(UUID.randomUUID(), START));
        assertEquals(AuthorizationStatus.EXPIRED, state().status());
    }
}
