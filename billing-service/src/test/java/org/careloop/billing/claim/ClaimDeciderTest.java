package org.careloop.billing.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.careloop.billing.coding.Coding;
import org.careloop.billing.coding.CodingHold;
import org.careloop.billing.coding.ServiceLine;
import org.careloop.billing.payer.PayerRules;
import org.junit.jupiter.api.Test;

class ClaimDeciderTest {

    static final Instant NOW = Instant.parse("2026-12-08T16:00:00Z");
    static final UUID CLAIM = UUID.fromString("4c1d2e3f-5a6b-3c7d-8e9f-0a1b2c3d4e5f");
    static final UUID SESSION = UUID.fromString("7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d");
    static final UUID CLIENT = UUID.fromString("5b0c6f2e-8d1a-4c3e-9f7b-2a4d6e8f0a1c");
    static final UUID AUTHORIZATION = UUID.fromString("2f1e0d9c-8b7a-4c6d-9e5f-4a3b2c1d0e9f");
    static final LocalDate DAY = LocalDate.of(2026, 12, 8);
    static final PayerRules PAYER =
            new PayerRules(
                    Set.of("90837"),
                    "95",
                    "93",
                    true,
                    Map.of("90837", new BigDecimal("150.00"), "90785", new BigDecimal("20.00")),
                    90,
                    "CI",
                    null);
    static final Coding FIFTY_FIVE_MINUTES =
            new Coding(List.of(new ServiceLine("90837", 1, List.of(), "11")), List.of());

    private static ClaimFacts facts(
            Coding coding,
            String payerId,
            boolean plan,
            int diagnoses,
            boolean renderingNpi,
            boolean supervisingNpi,
            Map<String, ClaimFacts.AuthorizationMatch> authorizations) {
        return facts(
                coding,
                payerId,
                plan,
                diagnoses,
                renderingNpi,
                supervisingNpi,
                authorizations,
                DAY);
    }

    private static ClaimFacts facts(
            Coding coding,
            String payerId,
            boolean plan,
            int diagnoses,
            boolean renderingNpi,
            boolean supervisingNpi,
            Map<String, ClaimFacts.AuthorizationMatch> authorizations,
            LocalDate evaluatedOn) {
        return new ClaimFacts(
                CLAIM,
                SESSION,
                CLIENT,
                DAY,
                evaluatedOn,
                55,
                "INDIVIDUAL",
                coding,
                payerId,
                payerId == null ? null : PAYER,
                plan,
                diagnoses,
                "associate1",
                renderingNpi,
                "supervisor1",
                supervisingNpi,
                null,
                authorizations);
    }

    private static ClaimFacts ready() {
        return facts(
                FIFTY_FIVE_MINUTES,
                "aetna-oh",
                true,
                1,
                true,
                true,
                Map.of("90837", new ClaimFacts.AuthorizationMatch.Granted(AUTHORIZATION, "PA-1")));
    }

    private static ClaimEvent.Evaluated evaluated(ClaimState state, ClaimFacts facts) {
        List<ClaimEvent> events = ClaimDecider.evaluate(state, facts, NOW);
        assertEquals(1, events.size());
        return (ClaimEvent.Evaluated) events.get(0);
    }

    @Test
    void aCoveredAuthorizedSessionIsReadyWithTheFeeAndAuthorizationNumber() {
        ClaimEvent.Evaluated claim = evaluated(ClaimState.NONE, ready());

        assertEquals(ClaimStatus.READY, claim.status());
        assertEquals(new BigDecimal("150.00"), claim.totalCharge());
        assertEquals("PA-1", claim.lines().get(0).authorizationNumber());
    }

    @Test
    void everyReasonThatHoldsAClaimIsNamedAtOnce() {
        ClaimFacts broken =
                facts(
                        FIFTY_FIVE_MINUTES,
                        "aetna-oh",
                        false,
                        0,
                        false,
                        false,
                        Map.of(
                                "90837",
                                new ClaimFacts.AuthorizationMatch.Missing(
                                        HoldReason.AUTHORIZATION_EXHAUSTED, "used up")));

        ClaimEvent.Evaluated claim = evaluated(ClaimState.NONE, broken);

        assertEquals(ClaimStatus.HELD, claim.status());
        assertEquals(
                List.of(
                        HoldReason.NO_ACTIVE_PLAN,
                        HoldReason.MISSING_DIAGNOSIS,
                        HoldReason.MISSING_NPI,
                        HoldReason.MISSING_NPI,
                        HoldReason.AUTHORIZATION_EXHAUSTED),
                claim.holds().stream().map(Hold::reason).toList());
    }

    @Test
    void withoutCoverageTheClaimIsHeldAndCarriesNoCharge() {
        ClaimEvent.Evaluated claim =
                evaluated(
                        ClaimState.NONE,
                        facts(FIFTY_FIVE_MINUTES, null, true, 1, true, true, Map.of()));

        assertEquals(
                List.of(HoldReason.NO_COVERAGE), claim.holds().stream().map(Hold::reason).toList());
        assertEquals(BigDecimal.ZERO, claim.totalCharge());
    }

    @Test
    void aSessionUnderTheMinimumTimeIsHeldWithNoLines() {
        Coding tooShort = new Coding(List.of(), List.of(CodingHold.BELOW_MINIMUM_TIME));

        ClaimEvent.Evaluated claim =
                evaluated(
                        ClaimState.NONE,
                        facts(tooShort, "aetna-oh", true, 1, true, true, Map.of()));

        assertEquals(
                List.of(HoldReason.BELOW_MINIMUM_TIME),
                claim.holds().stream().map(Hold::reason).toList());
        assertTrue(claim.lines().isEmpty());
    }

    @Test
    void aPart2RecordWithoutTheClientsConsentIsHeldForIt() {
        ClaimFacts ready = ready();
        ClaimFacts withoutConsent =
                new ClaimFacts(
                        ready.claimId(),
                        ready.sessionId(),
                        ready.clientId(),
                        ready.serviceDate(),
                        ready.evaluatedOn(),
                        ready.minutes(),
                        ready.sessionType(),
                        ready.coding(),
                        ready.payerId(),
                        ready.payer(),
                        true,
                        1,
                        "associate1",
                        true,
                        "supervisor1",
                        true,
                        "no active DISCLOSURE consent for recipient payer:aetna-oh covering PAYMENT and Part 2",
                        ready.authorizations());

        ClaimEvent.Evaluated claim = evaluated(ClaimState.NONE, withoutConsent);

        assertEquals(
                List.of(HoldReason.CONSENT_REQUIRED),
                claim.holds().stream().map(Hold::reason).toList());
        assertTrue(claim.holds().get(0).detail().contains("Part 2"));
    }

    @Test
    void aClaimPastThePayersFilingLimitIsHeldTheDayAfterItAndNotOnIt() {
        Map<String, ClaimFacts.AuthorizationMatch> granted =
                Map.of("90837", new ClaimFacts.AuthorizationMatch.Granted(AUTHORIZATION, "PA-1"));
        ClaimFacts lastDay =
                facts(
                        FIFTY_FIVE_MINUTES,
                        "aetna-oh",
                        true,
                        1,
                        true,
                        true,
                        granted,
                        DAY.plusDays(90));
        ClaimFacts dayAfter =
                facts(
                        FIFTY_FIVE_MINUTES,
                        "aetna-oh",
                        true,
                        1,
                        true,
                        true,
                        granted,
                        DAY.plusDays(91));

        assertEquals(ClaimStatus.READY, evaluated(ClaimState.NONE, lastDay).status());
        assertEquals(
                List.of(HoldReason.TIMELY_FILING_PASSED),
                evaluated(ClaimState.NONE, dayAfter).holds().stream().map(Hold::reason).toList());
    }

    @Test
    void aKindOfSessionTheCoderDoesNotKnowIsHeldAndNotGuessed() {
        Coding unknown = new Coding(List.of(), List.of(CodingHold.NOT_CODABLE));

        ClaimEvent.Evaluated claim =
                evaluated(
                        ClaimState.NONE, facts(unknown, "aetna-oh", true, 1, true, true, Map.of()));

        assertEquals(
                List.of(HoldReason.NOT_CODABLE), claim.holds().stream().map(Hold::reason).toList());
        assertTrue(claim.lines().isEmpty());
    }

    @Test
    void aCodeWithoutAFeeIsHeld() {
        Coding family =
                new Coding(List.of(new ServiceLine("90847", 1, List.of(), "11")), List.of());

        ClaimEvent.Evaluated claim =
                evaluated(
                        ClaimState.NONE, facts(family, "aetna-oh", true, 1, true, true, Map.of()));

        assertEquals(List.of(HoldReason.NO_FEE), claim.holds().stream().map(Hold::reason).toList());
    }

    @Test
    void evaluatingAgainWithNothingChangedRecordsNothing() {
        ClaimEvent.Evaluated first = evaluated(ClaimState.NONE, ready());
        ClaimState state = ClaimState.of(List.of(first));

        assertEquals(List.of(), ClaimDecider.evaluate(state, ready(), NOW));
    }

    @Test
    void anExportedClaimIsNotEvaluatedAgainButCanBeVoided() {
        ClaimEvent.Evaluated first = evaluated(ClaimState.NONE, ready());
        List<ClaimEvent> exported =
                ClaimDecider.exported(ClaimState.of(List.of(first)), UUID.randomUUID(), 7, NOW);
        ClaimState state = ClaimState.of(List.of(first, exported.get(0)));

        assertEquals(ClaimStatus.EXPORTED, state.status());
        assertEquals(
                List.of(),
                ClaimDecider.evaluate(
                        state,
                        facts(FIFTY_FIVE_MINUTES, null, true, 1, true, true, Map.of()),
                        NOW));
        assertEquals(
                1, ClaimDecider.voided(state, CLAIM, SESSION, CLIENT, "wrong client", NOW).size());
    }

    @Test
    void aHeldClaimIsNotExported() {
        ClaimEvent.Evaluated held =
                evaluated(
                        ClaimState.NONE,
                        facts(FIFTY_FIVE_MINUTES, null, true, 1, true, true, Map.of()));

        assertEquals(
                List.of(),
                ClaimDecider.exported(ClaimState.of(List.of(held)), UUID.randomUUID(), 8, NOW));
    }
}
