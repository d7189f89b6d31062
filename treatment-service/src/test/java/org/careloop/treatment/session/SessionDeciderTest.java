package org.careloop.treatment.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.careloop.contracts.treatment.Diagnosis;
import org.careloop.platform.problem.InvalidCommand;
import org.careloop.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** A session note from draft to final, and every way it is refused. */
class SessionDeciderTest {

    static final UUID SESSION = UUID.randomUUID();
    static final UUID CLIENT = UUID.randomUUID();
    static final UUID PLAN = UUID.randomUUID();
    static final Instant NOW = Instant.parse("2026-11-30T17:00:00Z");
    static final Instant START = Instant.parse("2026-11-30T15:00:00Z");
    static final SessionAuthor ASSOCIATE = new SessionAuthor("associate1", false, "supervisor1");
    static final SessionAuthor LICENSED = new SessionAuthor("clinician1", true, null);
    static final PlanInForce PLAN_IN_FORCE =
            new PlanInForce(PLAN, List.of(new Diagnosis("F33.1", null)), Set.of("1.1.1", "1.1.2"));
    static final Note DAP =
            new Note(
                    NoteFormat.DAP,
                    "Reports low mood",
                    null,
                    null,
                    null,
                    null,
                    null,
                    "Improving",
                    "Continue CBT");

    static DocumentSession session(Instant start, Instant end, Note note, List<String> objectives) {
        return new DocumentSession(
                SessionType.INDIVIDUAL,
                start,
                end,
                SessionModality.VIDEO,
                ClientLocation.HOME,
                false,
                note,
                objectives,
                true);
    }

    static List<SessionEvent> drafted(SessionAuthor author) {
        return SessionDecider.document(
                SESSION,
                CLIENT,
                session(START, START.plus(Duration.ofMinutes(55)), DAP, List.of("1.1.1")),
                author,
                true,
                PLAN_IN_FORCE,
                null,
                NOW);
    }

    static List<SessionEvent> then(List<SessionEvent> history, List<SessionEvent> more) {
        List<SessionEvent> all = new ArrayList<>(history);
        all.addAll(more);
        return all;
    }

    static SessionState given(List<SessionEvent> history) {
        return SessionState.of(history);
    }

    static int status(ProblemException e) {
        return e.problem().status();
    }

    static String field(InvalidCommand e) {
        return e.problem().errors().get(0).field();
    }

    @Test
    void aLicensedCliniciansSignedNoteIsFinalAtOnce() {
        List<SessionEvent> signed =
                SessionDecider.sign(given(drafted(LICENSED)), "clinician1", PLAN_IN_FORCE, NOW);

        assertInstanceOf(SessionEvent.Signed.class, signed.get(0));
        SessionEvent.Documented documented =
                assertInstanceOf(SessionEvent.Documented.class, signed.get(1));
        assertEquals(PLAN_IN_FORCE.diagnoses(), documented.diagnoses());
        assertEquals(SessionStatus.SIGNED, given(then(drafted(LICENSED), signed)).status());
    }

    @Test
    void anAssociatesSignedNoteWaitsForTheSupervisorAndIsFinalOnceCosigned() {
        List<SessionEvent> signed =
                then(
                        drafted(ASSOCIATE),
                        SessionDecider.sign(
                                given(drafted(ASSOCIATE)), "associate1", PLAN_IN_FORCE, NOW));
        assertEquals(1, signed.size() - 1, "no Documented before the co-signature");
        assertEquals(SessionStatus.AWAITING_COSIGN, given(signed).status());

        List<SessionEvent> cosigned =
                SessionDecider.cosign(given(signed), "supervisor1", PLAN_IN_FORCE, NOW);

        assertInstanceOf(SessionEvent.Cosigned.class, cosigned.get(0));
        assertInstanceOf(SessionEvent.Documented.class, cosigned.get(1));
        assertEquals(SessionStatus.COSIGNED, given(then(signed, cosigned)).status());
    }

    @Test
    void onlyTheAuthorSigns() {
        ProblemException e =
                assertThrows(
                        ProblemException.class,
                        () ->
                                SessionDecider.sign(
                                        given(drafted(ASSOCIATE)),
                                        "supervisor1",
                                        PLAN_IN_FORCE,
                                        NOW));
        assertEquals(403, status(e));
    }

    @Test
    void onlyTheAuthorsSupervisorCosigns() {
        List<SessionEvent> signed =
                then(
                        drafted(ASSOCIATE),
                        SessionDecider.sign(
                                given(drafted(ASSOCIATE)), "associate1", PLAN_IN_FORCE, NOW));
        for (String wrong : List.of("associate1", "clinician1", "supervisor2")) {
            ProblemException e =
                    assertThrows(
                            ProblemException.class,
                            () -> SessionDecider.cosign(given(signed), wrong, PLAN_IN_FORCE, NOW));
            assertEquals(403, status(e), wrong);
        }
    }

    @Test
    void aNoteIsNotCosignedBeforeTheAuthorSigns() {
        ProblemException e =
                assertThrows(
                        ProblemException.class,
                        () ->
                                SessionDecider.cosign(
                                        given(drafted(ASSOCIATE)),
                                        "supervisor1",
                                        PLAN_IN_FORCE,
                                        NOW));
        assertEquals(409, status(e));
    }

    @Test
    void aLicensedCliniciansNoteIsNeverCosigned() {
        List<SessionEvent> signed =
                then(
                        drafted(LICENSED),
                        SessionDecider.sign(
                                given(drafted(LICENSED)), "clinician1", PLAN_IN_FORCE, NOW));
        ProblemException e =
                assertThrows(
                        ProblemException.class,
                        () ->
                                SessionDecider.cosign(
                                        given(signed), "supervisor1", PLAN_IN_FORCE, NOW));
        assertEquals(409, status(e));
    }

    @Test
    void aSignedNoteIsLockedAndChangesOnlyByAddenda() {
        List<SessionEvent> signed =
                then(
                        drafted(LICENSED),
                        SessionDecider.sign(
                                given(drafted(LICENSED)), "clinician1", PLAN_IN_FORCE, NOW));

        ProblemException again =
                assertThrows(
                        ProblemException.class,
                        () -> SessionDecider.sign(given(signed), "clinician1", PLAN_IN_FORCE, NOW));
        assertEquals(409, status(again));
        List<SessionEvent> addendum =
                SessionDecider.addendum(
                        given(signed), "Client called after session", "clinician1", true, NOW);
        SessionEvent.AddendumAdded added =
                assertInstanceOf(SessionEvent.AddendumAdded.class, addendum.get(0));
        assertEquals(1, added.number());
        assertEquals(
                2,
                ((SessionEvent.AddendumAdded)
                                SessionDecider.addendum(
                                                given(then(signed, addendum)),
                                                "Second",
                                                "clinician1",
                                                true,
                                                NOW)
                                        .get(0))
                        .number());
    }

    @Test
    void aDraftHasNoAddendaAndNobodyOutsideTheTeamAddsOne() {
        assertEquals(
                409,
                status(
                        assertThrows(
                                ProblemException.class,
                                () ->
                                        SessionDecider.addendum(
                                                given(drafted(LICENSED)),
                                                "text",
                                                "clinician1",
                                                true,
                                                NOW))));
        List<SessionEvent> signed =
                then(
                        drafted(LICENSED),
                        SessionDecider.sign(
                                given(drafted(LICENSED)), "clinician1", PLAN_IN_FORCE, NOW));
        assertEquals(
                403,
                status(
                        assertThrows(
                                ProblemException.class,
                                () ->
                                        SessionDecider.addendum(
                                                given(signed), "text", "stranger", false, NOW))));
    }

    @Test
    void voidingADocumentedSessionIsRecordedOnceWithAReason() {
        List<SessionEvent> signed =
                then(
                        drafted(LICENSED),
                        SessionDecider.sign(
                                given(drafted(LICENSED)), "clinician1", PLAN_IN_FORCE, NOW));

        List<SessionEvent> voided =
                SessionDecider.voidSession(given(signed), "Wrong client", "clinician1", true, NOW);
        assertInstanceOf(SessionEvent.Voided.class, voided.get(0));
        assertTrue(given(signed).documented());
        assertEquals(
                409,
                status(
                        assertThrows(
                                ProblemException.class,
                                () ->
                                        SessionDecider.voidSession(
                                                given(then(signed, voided)),
                                                "again",
                                                "clinician1",
                                                true,
                                                NOW))));
        assertEquals(
                403,
                status(
                        assertThrows(
                                ProblemException.class,
                                () ->
                                        SessionDecider.voidSession(
                                                given(signed), "x", "other", false, NOW))));
    }

    @Test
    void theSessionEndsAfterItStartsAndLastsAtMostEightHours() {
        InvalidCommand backwards =
                assertThrows(
                        InvalidCommand.class,
                        () ->
                                SessionDecider.document(
                                        SESSION,
                                        CLIENT,
                                        session(START, START, DAP, List.of()),
                                        LICENSED,
                                        true,
                                        PLAN_IN_FORCE,
                                        null,
                                        NOW));
        assertEquals("endedAt", field(backwards));
        InvalidCommand tooLong =
                assertThrows(
                        InvalidCommand.class,
                        () ->
                                SessionDecider.document(
                                        SESSION,
                                        CLIENT,
                                        session(
                                                START.minus(Duration.ofHours(8)),
                                                START.plusSeconds(60),
                                                DAP,
                                                List.of()),
                                        LICENSED,
                                        true,
                                        PLAN_IN_FORCE,
                                        null,
                                        NOW));
        assertEquals("endedAt", field(tooLong));
        assertEquals(
                1,
                SessionDecider.document(
                                SESSION,
                                CLIENT,
                                session(
                                        START.minus(Duration.ofHours(6)),
                                        START.plus(Duration.ofHours(2)),
                                        DAP,
                                        List.of()),
                                LICENSED,
                                true,
                                PLAN_IN_FORCE,
                                null,
                                NOW)
                        .size(),
                "exactly eight hours is one session");
    }

    @Test
    void aSessionInTheFutureIsNotDocumented() {
        InvalidCommand e =
                assertThrows(
                        InvalidCommand.class,
                        () ->
                                SessionDecider.document(
                                        SESSION,
                                        CLIENT,
                                        session(
                                                NOW.plus(Duration.ofHours(1)),
                                                NOW.plus(Duration.ofHours(2)),
                                                DAP,
                                                List.of()),
                                        LICENSED,
                                        true,
                                        PLAN_IN_FORCE,
                                        null,
                                        NOW));
        assertEquals("startedAt", field(e));
    }

    @Test
    void anObjectiveAddressedIsOnTheActivePlan() {
        InvalidCommand e =
                assertThrows(
                        InvalidCommand.class,
                        () ->
                                SessionDecider.document(
                                        SESSION,
                                        CLIENT,
                                        session(
                                                START,
                                                START.plusSeconds(3000),
                                                DAP,
                                                List.of("1.1.1", "2.1.1")),
                                        LICENSED,
                                        true,
                                        PLAN_IN_FORCE,
                                        null,
                                        NOW));
        assertEquals("objectivesAddressed[1]", field(e));
        InvalidCommand noPlan =
                assertThrows(
                        InvalidCommand.class,
                        () ->
                                SessionDecider.document(
                                        SESSION,
                                        CLIENT,
                                        session(
                                                START,
                                                START.plusSeconds(3000),
                                                DAP,
                                                List.of("1.1.1")),
                                        LICENSED,
                                        true,
                                        PlanInForce.NONE,
                                        null,
                                        NOW));
        assertEquals("objectivesAddressed[0]", field(noPlan));
    }

    @Test
    void theNoteHasExactlyTheSectionsOfItsFormat() {
        Note soapMissingObjective =
                new Note(
                        NoteFormat.SOAP,
                        null,
                        "Feels better",
                        null,
                        null,
                        null,
                        null,
                        "Stable",
                        "Continue");
        assertEquals(
                "note.objective",
                field(
                        assertThrows(
                                InvalidCommand.class,
                                () ->
                                        SessionDecider.document(
                                                SESSION,
                                                CLIENT,
                                                session(
                                                        START,
                                                        START.plusSeconds(3000),
                                                        soapMissingObjective,
                                                        List.of()),
                                                LICENSED,
                                                true,
                                                PLAN_IN_FORCE,
                                                null,
                                                NOW))));
        Note dapWithBehavior = new Note(NoteFormat.DAP, "d", null, null, "b", null, null, "a", "p");
        assertEquals(
                "note.behavior",
                field(
                        assertThrows(
                                InvalidCommand.class,
                                () ->
                                        SessionDecider.document(
                                                SESSION,
                                                CLIENT,
                                                session(
                                                        START,
                                                        START.plusSeconds(3000),
                                                        dapWithBehavior,
                                                        List.of()),
                                                LICENSED,
                                                true,
                                                PLAN_IN_FORCE,
                                                null,
                                                NOW))));
    }

    @Test
    void theAuthorIsOnTheCareTeam() {
        ProblemException e =
                assertThrows(
                        ProblemException.class,
                        () ->
                                SessionDecider.document(
                                        SESSION,
                                        CLIENT,
                                        session(START, START.plusSeconds(3000), DAP, List.of()),
                                        LICENSED,
                                        false,
                                        PLAN_IN_FORCE,
                                        null,
                                        NOW));
        assertEquals(403, status(e));
    }
}
