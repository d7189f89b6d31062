package org.careloop.treatment.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.careloop.platform.problem.InvalidCommand;
import org.careloop.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** The plan's lifecycle, signer by signer, as given/when/then sentences. */
class PlanDeciderTest {

    static final UUID PLAN = UUID.randomUUID();
    static final UUID CLIENT = UUID.randomUUID();
    static final Instant NOW = Instant.parse("2026-11-30T15:00:00Z");
    static final Duration INTERVAL = Duration.ofDays(90);
    static final ZoneId CLINIC = ZoneId.of("America/New_York");
    static final PlanAuthor ASSOCIATE = new PlanAuthor("associate1", false, "supervisor1");
    static final PlanAuthor LICENSED = new PlanAuthor("clinician1", true, null);
    static final Set<String> TEAM = Set.of("associate1", "clinician1");

    static WritePlan plan(Integer phq9Below, String responsible) {
        return new WritePlan(
                List.of(new WritePlan.DiagnosisEntry("F33.1", "Major depressive disorder")),
                LevelOfCare.OUTPATIENT,
                List.of(
                        new WritePlan.ProblemEntry(
                                "Depressed mood most days",
                                List.of(
                                        new WritePlan.GoalEntry(
                                                "Mood lifts",
                                                phq9Below == null
                                                        ? null
                                                        : new WritePlan.MeasureEntry(
                                                                Instrument.PHQ_9, phq9Below),
                                                LocalDate.of(2027, 3, 1),
                                                List.of(
                                                        new WritePlan.ObjectiveEntry(
                                                                "Three pleasant activities a week",
                                                                null,
                                                                List.of(
                                                                        new WritePlan
                                                                                .InterventionEntry(
                                                                                "Behavioural activation",
                                                                                Modality.CBT,
                                                                                "weekly",
                                                                                responsible)))))))),
                "PHQ-9 below 10 for two months");
    }

    static List<PlanEvent> drafted(PlanAuthor author) {
        return PlanDecider.draft(
                PlanState.NONE, PLAN, CLIENT, plan(10, "associate1"), author, TEAM, NOW);
    }

    static PlanState given(List<PlanEvent> history) {
        return PlanState.of(history);
    }

    static List<PlanEvent> then(List<PlanEvent> history, List<PlanEvent> more) {
        List<PlanEvent> all = new ArrayList<>(history);
        all.addAll(more);
        return all;
    }

    static List<PlanEvent> sign(List<PlanEvent> history, SignerRole role, String signer) {
        return PlanDecider.sign(
                given(history),
                new SignPlan(role, SignatureMethod.IN_PERSON, null),
                signer,
                TEAM.contains(signer),
                INTERVAL,
                CLINIC,
                NOW);
    }

    static String slug(ProblemException e) {
        return e.problem().type().substring(e.problem().type().lastIndexOf(':') + 1);
    }

    @Test
    void aNewPlanIsADraftWithItsPartsNumbered() {
        PlanEvent.Drafted draft =
                assertInstanceOf(PlanEvent.Drafted.class, drafted(ASSOCIATE).get(0));

        assertEquals(1, draft.version());
        assertEquals("1.1.1", draft.content().objectives().findFirst().orElseThrow().id());
        assertEquals("supervisor1", draft.authorSupervisor());
        assertEquals(PlanStatus.DRAFT, given(drafted(ASSOCIATE)).pendingStatus());
    }

    @Test
    void anAssociatesPlanIsActiveOnlyOnceAuthorClientAndSupervisorHaveSigned() {
        List<PlanEvent> history = drafted(ASSOCIATE);

        history = then(history, sign(history, SignerRole.AUTHOR, "associate1"));
        assertEquals(PlanStatus.AWAITING_CLIENT_SIGNATURE, given(history).pendingStatus());
        history = then(history, sign(history, SignerRole.CLIENT, "associate1"));
        assertEquals(PlanStatus.AWAITING_COSIGNATURE, given(history).pendingStatus());
        assertTrue(!given(history).active());

        List<PlanEvent> cosigned = sign(history, SignerRole.SUPERVISOR, "supervisor1");
        assertEquals(2, cosigned.size());
        PlanEvent.Approved approved = assertInstanceOf(PlanEvent.Approved.class, cosigned.get(1));
        assertEquals("supervisor1", approved.cosignedBy());
        assertEquals(NOW.plus(INTERVAL), approved.reviewDueAt());
        assertEquals(LocalDate.of(2027, 2, 28), approved.reviewDueOn());
        assertTrue(given(then(history, cosigned)).active());
    }

    @Test
    void aLicensedAuthorsPlanIsActiveOnceTheClientHasSigned() {
        List<PlanEvent> history =
                PlanDecider.draft(
                        PlanState.NONE, PLAN, CLIENT, plan(10, "clinician1"), LICENSED, TEAM, NOW);
        history = then(history, sign(history, SignerRole.AUTHOR, "clinician1"));

        List<PlanEvent> clientSigned = sign(history, SignerRole.CLIENT, "clinician1");

        PlanEvent.Approved approved =
                assertInstanceOf(PlanEvent.Approved.class, clientSigned.get(1));
        assertNull(approved.cosignedBy());
    }

    @Test
    void aLicensedAuthorsPlanNeedsNoCosignature() {
        List<PlanEvent> history =
                PlanDecider.draft(
                        PlanState.NONE, PLAN, CLIENT, plan(10, "clinician1"), LICENSED, TEAM, NOW);
        history = then(history, sign(history, SignerRole.AUTHOR, "clinician1"));
        List<PlanEvent> signed = history;

        ProblemException e =
                assertThrows(
                        ProblemException.class,
                        () -> sign(signed, SignerRole.SUPERVISOR, "supervisor1"));
        assertEquals(409, e.problem().status());
        assertEquals("cosignature-not-required", slug(e));
    }

    @Test
    void onlyTheAuthorSignsAsAuthor() {
        ProblemException e =
                assertThrows(
                        ProblemException.class,
                        () -> sign(drafted(ASSOCIATE), SignerRole.AUTHOR, "clinician1"));
        assertEquals(403, e.problem().status());
        assertEquals("wrong-signer", slug(e));
    }

    @Test
    void onlyTheAuthorsSupervisorCosigns() {
        List<PlanEvent> history = drafted(ASSOCIATE);
        history = then(history, sign(history, SignerRole.AUTHOR, "associate1"));
        history = then(history, sign(history, SignerRole.CLIENT, "associate1"));
        List<PlanEvent> awaiting = history;

        for (String wrong : List.of("clinician1", "associate1", "supervisor2")) {
            ProblemException e =
                    assertThrows(
                            ProblemException.class,
                            () -> sign(awaiting, SignerRole.SUPERVISOR, wrong));
            assertEquals(403, e.problem().status(), wrong);
        }
    }

    @Test
    void theClientsSignatureIsRecordedByAClinicianOfTheCareTeam() {
        List<PlanEvent> history = drafted(ASSOCIATE);
        List<PlanEvent> authorSigned =
                then(history, sign(history, SignerRole.AUTHOR, "associate1"));

        ProblemException e =
                assertThrows(
                        ProblemException.class,
                        () -> sign(authorSigned, SignerRole.CLIENT, "stranger"));
        assertEquals(403, e.problem().status());
    }

    @Test
    void theClientDoesNotSignBeforeTheAuthor() {
        ProblemException e =
                assertThrows(
                        ProblemException.class,
                        () -> sign(drafted(ASSOCIATE), SignerRole.CLIENT, "associate1"));
        assertEquals(409, e.problem().status());
        assertEquals("out-of-order", slug(e));
    }

    @Test
    void theSupervisorDoesNotCosignBeforeTheClient() {
        List<PlanEvent> history = drafted(ASSOCIATE);
        List<PlanEvent> authorSigned =
                then(history, sign(history, SignerRole.AUTHOR, "associate1"));

        ProblemException e =
                assertThrows(
                        ProblemException.class,
                        () -> sign(authorSigned, SignerRole.SUPERVISOR, "supervisor1"));
        assertEquals(409, e.problem().status());
        assertEquals("out-of-order", slug(e));
    }

    @Test
    void aSignatureIsGivenOnce() {
        List<PlanEvent> history = drafted(ASSOCIATE);
        List<PlanEvent> authorSigned =
                then(history, sign(history, SignerRole.AUTHOR, "associate1"));

        ProblemException e =
                assertThrows(
                        ProblemException.class,
                        () -> sign(authorSigned, SignerRole.AUTHOR, "associate1"));
        assertEquals(409, e.problem().status());
        assertEquals("already-signed", slug(e));
    }

    @Test
    void anActiveVersionHasNothingLeftToSign() {
        List<PlanEvent> active = activeAssociatePlan();

        ProblemException e =
                assertThrows(
                        ProblemException.class,
                        () -> sign(active, SignerRole.AUTHOR, "associate1"));
        assertEquals("nothing-to-sign", slug(e));
    }

    @Test
    void aVerbalSignatureOverTelehealthNeedsAWitness() {
        List<PlanEvent> history = drafted(ASSOCIATE);
        PlanState authorSigned =
                given(then(history, sign(history, SignerRole.AUTHOR, "associate1")));

        InvalidCommand e =
                assertThrows(
                        InvalidCommand.class,
                        () ->
                                PlanDecider.sign(
                                        authorSigned,
                                        new SignPlan(
                                                SignerRole.CLIENT,
                                                SignatureMethod.VERBAL_TELEHEALTH,
                                                " "),
                                        "associate1",
                                        true,
                                        INTERVAL,
                                        CLINIC,
                                        NOW));
        assertEquals("witness", e.problem().errors().get(0).field());
        InvalidCommand noMethod =
                assertThrows(
                        InvalidCommand.class,
                        () ->
                                PlanDecider.sign(
                                        authorSigned,
                                        new SignPlan(SignerRole.CLIENT, null, null),
                                        "associate1",
                                        true,
                                        INTERVAL,
                                        CLINIC,
                                        NOW));
        assertEquals("method", noMethod.problem().errors().get(0).field());
    }

    @Test
    void aRevisionIsANewVersionSignedAgainWhileTheActiveOneStaysInForce() {
        List<PlanEvent> active = activeAssociatePlan();

        List<PlanEvent> revised =
                then(
                        active,
                        PlanDecider.draft(
                                given(active),
                                PLAN,
                                CLIENT,
                                plan(5, "associate1"),
                                ASSOCIATE,
                                TEAM,
                                NOW));

        PlanState state = given(revised);
        assertEquals(2, state.latestVersion());
        assertEquals(1, state.activeVersion());
        assertEquals(PlanStatus.DRAFT, state.pendingStatus());
        assertTrue(state.active());
    }

    @Test
    void theAuthorMustBeOnTheCareTeam() {
        PlanAuthor stranger = new PlanAuthor("clinician9", true, null);
        ProblemException e =
                assertThrows(
                        ProblemException.class,
                        () ->
                                PlanDecider.draft(
                                        PlanState.NONE,
                                        PLAN,
                                        CLIENT,
                                        plan(10, "associate1"),
                                        stranger,
                                        TEAM,
                                        NOW));
        assertEquals(403, e.problem().status());
    }

    @Test
    void anInterventionsResponsibleClinicianIsOnTheCareTeam() {
        InvalidCommand e =
                assertThrows(
                        InvalidCommand.class,
                        () ->
                                PlanDecider.draft(
                                        PlanState.NONE,
                                        PLAN,
                                        CLIENT,
                                        plan(10, "clinician9"),
                                        ASSOCIATE,
                                        TEAM,
                                        NOW));
        assertEquals(
                "problems[0].goals[0].objectives[0].interventions[0].responsibleClinician",
                e.problem().errors().get(0).field());
    }

    @Test
    void aGoalsThresholdLiesWithinTheInstrumentsRange() {
        WritePlan gadTooHigh =
                new WritePlan(
                        plan(10, "associate1").diagnoses(),
                        LevelOfCare.OUTPATIENT,
                        List.of(
                                new WritePlan.ProblemEntry(
                                        "Worry",
                                        List.of(
                                                new WritePlan.GoalEntry(
                                                        "Less worry",
                                                        new WritePlan.MeasureEntry(
                                                                Instrument.GAD_7, 22),
                                                        null,
                                                        plan(10, "associate1")
                                                                .problems()
                                                                .get(0)
                                                                .goals()
                                                                .get(0)
                                                                .objectives())))),
                        "GAD-7 below 5");

        InvalidCommand e =
                assertThrows(
                        InvalidCommand.class,
                        () ->
                                PlanDecider.draft(
                                        PlanState.NONE,
                                        PLAN,
                                        CLIENT,
                                        gadTooHigh,
                                        ASSOCIATE,
                                        TEAM,
                                        NOW));
        assertEquals("problems[0].goals[0].measure.below", e.problem().errors().get(0).field());
    }

    @Test
    void aDiagnosisIsListedOnce() {
        WritePlan twice =
                new WritePlan(
                        List.of(
                                new WritePlan.DiagnosisEntry("F33.1", null),
                                new WritePlan.DiagnosisEntry("F33.1", null)),
                        LevelOfCare.OUTPATIENT,
                        plan(10, "associate1").problems(),
                        "criteria");
        InvalidCommand e =
                assertThrows(
                        InvalidCommand.class,
                        () ->
                                PlanDecider.draft(
                                        PlanState.NONE, PLAN, CLIENT, twice, ASSOCIATE, TEAM, NOW));
        assertEquals("diagnoses[1].code", e.problem().errors().get(0).field());
    }

    @Test
    void theReviewFallsDueOnceForTheActiveVersion() {
        List<PlanEvent> active = activeAssociatePlan();

        List<PlanEvent> due = PlanDecider.reviewDue(given(active), 1, NOW.plus(INTERVAL));
        assertInstanceOf(PlanEvent.ReviewDue.class, due.get(0));
        assertTrue(PlanDecider.reviewDue(given(then(active, due)), 1, NOW).isEmpty());
        assertTrue(PlanDecider.reviewDue(given(active), 2, NOW).isEmpty(), "a stale version");
    }

    @Test
    void aRiskEscalationRequiresAReviewOncePerEpisode() {
        List<PlanEvent> active = activeAssociatePlan();
        UUID episode = UUID.randomUUID();

        List<PlanEvent> required =
                PlanDecider.reviewRequired(given(active), "Risk rose to HIGH", episode, NOW);
        assertInstanceOf(PlanEvent.ReviewRequired.class, required.get(0));
        assertTrue(
                PlanDecider.reviewRequired(given(then(active, required)), "again", episode, NOW)
                        .isEmpty());
        assertTrue(
                PlanDecider.reviewRequired(
                                given(drafted(ASSOCIATE)), "no plan in force", episode, NOW)
                        .isEmpty());
    }

    @Test
    void aScoreBelowTheThresholdMeetsTheGoalAndOneAtItNoLonger() {
        List<PlanEvent> active = activeAssociatePlan();
        UUID assessment = UUID.randomUUID();

        assertTrue(
                PlanDecider.scored(given(active), Instrument.PHQ_9, 10, assessment, NOW).isEmpty(),
                "10 is not below 10");
        List<PlanEvent> met =
                PlanDecider.scored(given(active), Instrument.PHQ_9, 9, assessment, NOW);
        PlanEvent.GoalMet goal = assertInstanceOf(PlanEvent.GoalMet.class, met.get(0));
        assertEquals("1.1", goal.goalId());
        List<PlanEvent> metHistory = then(active, met);
        assertTrue(
                PlanDecider.scored(given(metHistory), Instrument.PHQ_9, 4, assessment, NOW)
                        .isEmpty(),
                "already met");
        assertTrue(
                PlanDecider.scored(given(metHistory), Instrument.GAD_7, 15, assessment, NOW)
                        .isEmpty(),
                "another instrument");
        assertInstanceOf(
                PlanEvent.GoalNoLongerMet.class,
                PlanDecider.scored(given(metHistory), Instrument.PHQ_9, 10, assessment, NOW)
                        .get(0));
    }

    @Test
    void aClosedPlanTakesNoMoreSignaturesOrRevisions() {
        List<PlanEvent> active = activeAssociatePlan();
        List<PlanEvent> closed =
                then(active, PlanDecider.close(given(active), "DISCHARGED", "associate1", NOW));

        ProblemException e =
                assertThrows(
                        ProblemException.class,
                        () ->
                                PlanDecider.draft(
                                        given(closed),
                                        PLAN,
                                        CLIENT,
                                        plan(10, "associate1"),
                                        ASSOCIATE,
                                        TEAM,
                                        NOW));
        assertEquals("plan-closed", slug(e));
        assertTrue(PlanDecider.reviewDue(given(closed), 1, NOW).isEmpty());
    }

    static List<PlanEvent> activeAssociatePlan() {
        List<PlanEvent> history = drafted(ASSOCIATE);
        history = then(history, sign(history, SignerRole.AUTHOR, "associate1"));
        history = then(history, sign(history, SignerRole.CLIENT, "associate1"));
        return then(history, sign(history, SignerRole.SUPERVISOR, "supervisor1"));
    }
}
