package org.careloop.treatment.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.careloop.platform.problem.InvalidCommand;
import org.careloop.platform.problem.ProblemException;
import org.careloop.treatment.session.ClientLocation;
import org.careloop.treatment.session.DocumentSession;
import org.careloop.treatment.session.Note;
import org.careloop.treatment.session.NoteFormat;
import org.careloop.treatment.session.SessionModality;
import org.careloop.treatment.session.SessionType;
import org.junit.jupiter.api.Test;

/** A therapy group from forming to a session held, and every way it is refused. */
class GroupDeciderTest {

    static final UUID GROUP = UUID.randomUUID();
    static final UUID GROUP_SESSION = UUID.randomUUID();
    static final UUID ANA = UUID.randomUUID();
    static final UUID BEN = UUID.randomUUID();
    static final UUID CARA = UUID.randomUUID();
    static final Instant NOW = Instant.parse("2026-11-30T17:00:00Z");
    static final Instant START = Instant.parse("2026-11-30T15:00:00Z");
    static final Set<String> ON_RECORD = Set.of("associate1", "clinician1", "supervisor1");
    static final Note DAP =
            new Note(
                    NoteFormat.DAP,
                    "Shared a setback; others offered coping ideas",
                    null,
                    null,
                    null,
                    null,
                    null,
                    "Engaged",
                    "Continue weekly group");

    static HoldGroupSession.Attendee present(UUID client) {
        return new HoldGroupSession.Attendee(client, true, DAP, List.of("1.1.1"), true, null);
    }

    static HoldGroupSession.Attendee absent(UUID client) {
        return new HoldGroupSession.Attendee(client, false, null, null, null, null);
    }

    static HoldGroupSession session(Instant start, Instant end, HoldGroupSession.Attendee... who) {
        return new HoldGroupSession(
                start, end, SessionModality.IN_PERSON, ClientLocation.CLINIC, Arrays.asList(who));
    }

    static HoldGroupSession ninetyMinutes(HoldGroupSession.Attendee... who) {
        return session(START, START.plus(Duration.ofMinutes(90)), who);
    }

    static List<UUID> ids(int n) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(UUID.randomUUID());
        }
        return ids;
    }

    static GroupState given(GroupEvent... history) {
        return GroupState.of(List.of(history));
    }

    static GroupEvent.Formed formed(String facilitator, List<String> coFacilitators) {
        return new GroupEvent.Formed(
                GROUP, "Tuesday DBT skills", facilitator, coFacilitators, NOW, "supervisor1");
    }

    static GroupEvent.MemberJoined joined(UUID client) {
        return new GroupEvent.MemberJoined(GROUP, client, NOW, "supervisor1");
    }

    /** A group led by associate1 (clinician1 co-facilitating) with Ana and Ben on its roster. */
    static GroupState rosterOfAnaAndBen() {
        return given(formed("associate1", List.of("clinician1")), joined(ANA), joined(BEN));
    }

    static int status(ProblemException e) {
        return e.problem().status();
    }

    static String field(ProblemException e) {
        return e.problem().errors().getFirst().field();
    }

    static String slug(ProblemException e) {
        return e.problem().type().substring(e.problem().type().lastIndexOf(':') + 1);
    }

    @Test
    void aGroupIsFormedWithItsFacilitatorAndCoFacilitators() {
        List<GroupEvent> events =
                GroupDecider.form(
                        GroupState.NONE,
                        GROUP,
                        new FormGroup(" Tuesday DBT skills ", "associate1", List.of("clinician1")),
                        ON_RECORD,
                        "supervisor1",
                        NOW);

        assertEquals(List.of(formed("associate1", List.of("clinician1"))), events);
    }

    @Test
    void aGroupWithoutANameIsRefusedNamingTheName() {
        InvalidCommand e =
                assertThrows(
                        InvalidCommand.class,
                        () ->
                                GroupDecider.form(
                                        GroupState.NONE,
                                        GROUP,
                                        new FormGroup("  ", "associate1", null),
                                        ON_RECORD,
                                        "supervisor1",
                                        NOW));
        assertEquals("name", field(e));
    }

    @Test
    void aFacilitatorWithoutAStaffRecordIsNotFound() {
        ProblemException e =
                assertThrows(
                        ProblemException.class,
                        () ->
                                GroupDecider.form(
                                        GroupState.NONE,
                                        GROUP,
                                        new FormGroup("Skills", "stranger", null),
                                        ON_RECORD,
                                        "supervisor1",
                                        NOW));
        assertEquals(404, status(e));
        assertEquals("facilitator-not-found", slug(e));
    }

    @Test
    void aCoFacilitatorWithoutAStaffRecordOrNamedTwiceIsRefused() {
        ProblemException unknown =
                assertThrows(
                        ProblemException.class,
                        () ->
                                GroupDecider.form(
                                        GroupState.NONE,
                                        GROUP,
                                        new FormGroup("Skills", "associate1", List.of("stranger")),
                                        ON_RECORD,
                                        "supervisor1",
                                        NOW));
        assertEquals(404, status(unknown));
        InvalidCommand twice =
                assertThrows(
                        InvalidCommand.class,
                        () ->
                                GroupDecider.form(
                                        GroupState.NONE,
                                        GROUP,
                                        new FormGroup(
                                                "Skills",
                                                "associate1",
                                                List.of("clinician1", "associate1")),
                                        ON_RECORD,
                                        "supervisor1",
                                        NOW));
        assertEquals("coFacilitators[1]", field(twice));
    }

    @Test
    void aKnownClientJoinsTheRoster() {
        GroupState state = given(formed("associate1", List.of()));

        List<GroupEvent> events = GroupDecider.join(state, ANA, true, "associate1", NOW);

        assertEquals(List.of(new GroupEvent.MemberJoined(GROUP, ANA, NOW, "associate1")), events);
        assertEquals(Set.of(ANA), state.evolve(events.getFirst()).members());
    }

    @Test
    void aClientNotKnownHereCannotJoin() {
        ProblemException e =
                assertThrows(
                        ProblemException.class,
                        () ->
                                GroupDecider.join(
                                        given(formed("associate1", List.of())),
                                        ANA,
                                        false,
                                        "associate1",
                                        NOW));
        assertEquals(404, status(e));
        assertEquals("client-not-found", slug(e));
    }

    @Test
    void aMemberCannotJoinTwice() {
        ProblemException e =
                assertThrows(
                        ProblemException.class,
                        () -> GroupDecider.join(rosterOfAnaAndBen(), ANA, true, "associate1", NOW));
        assertEquals(409, status(e));
        assertEquals("already-a-member", slug(e));
    }

    @Test
    void noOneJoinsOrLeavesAGroupNeverFormed() {
        ProblemException join =
                assertThrows(
                        ProblemException.class,
                        () -> GroupDecider.join(GroupState.NONE, ANA, true, "associate1", NOW));
        ProblemException leave =
                assertThrows(
                        ProblemException.class,
                        () -> GroupDecider.leave(GroupState.NONE, ANA, "associate1", NOW));
        assertEquals(404, status(join));
        assertEquals(404, status(leave));
    }

    @Test
    void aMemberLeavesTheRoster() {
        GroupState state = rosterOfAnaAndBen();

        List<GroupEvent> events = GroupDecider.leave(state, ANA, "associate1", NOW);

        assertEquals(List.of(new GroupEvent.MemberLeft(GROUP, ANA, NOW, "associate1")), events);
        assertEquals(Set.of(BEN), state.evolve(events.getFirst()).members());
    }

    @Test
    void whoIsNotOnTheRosterCannotLeaveIt() {
        ProblemException e =
                assertThrows(
                        ProblemException.class,
                        () -> GroupDecider.leave(rosterOfAnaAndBen(), CARA, "associate1", NOW));
        assertEquals(404, status(e));
        assertEquals("group-member-not-found", slug(e));
    }

    @Test
    void aSessionHeldRecordsAttendanceAndASessionIdForEachMemberPresent() {
        List<UUID> ids = ids(2);

        List<GroupEvent> events =
                GroupDecider.hold(
                        rosterOfAnaAndBen(),
                        GROUP_SESSION,
                        ninetyMinutes(present(ANA), absent(BEN)),
                        ids,
                        "associate1",
                        NOW);

        GroupEvent.SessionHeld held =
                assertInstanceOf(GroupEvent.SessionHeld.class, events.getFirst());
        assertEquals(GROUP_SESSION, held.groupSessionId());
        assertEquals(
                List.of(
                        new GroupEvent.Attendance(ANA, true, ids.get(0)),
                        new GroupEvent.Attendance(BEN, false, null)),
                held.attendance());
    }

    @Test
    void aCoFacilitatorMayHoldTheSessionButNoOneElse() {
        List<GroupEvent> events =
                GroupDecider.hold(
                        rosterOfAnaAndBen(),
                        GROUP_SESSION,
                        ninetyMinutes(present(ANA)),
                        ids(1),
                        "clinician1",
                        NOW);
        assertEquals(1, events.size());

        ProblemException e =
                assertThrows(
                        ProblemException.class,
                        () ->
                                GroupDecider.hold(
                                        rosterOfAnaAndBen(),
                                        GROUP_SESSION,
                                        ninetyMinutes(present(ANA)),
                                        ids(1),
                                        "supervisor1",
                                        NOW));
        assertEquals(403, status(e));
        assertEquals("not-facilitator", slug(e));
    }

    @Test
    void anAttendeeNotOnTheRosterIsRefusedNamingTheirEntry() {
        InvalidCommand e =
                assertThrows(
                        InvalidCommand.class,
                        () ->
                                GroupDecider.hold(
                                        rosterOfAnaAndBen(),
                                        GROUP_SESSION,
                                        ninetyMinutes(present(ANA), present(CARA)),
                                        ids(2),
                                        "associate1",
                                        NOW));
        assertEquals("attendance[1].clientId", field(e));
    }

    @Test
    void aMemberWhoHasLeftIsNoLongerAnAttendee() {
        GroupState state =
                rosterOfAnaAndBen()
                        .evolve(new GroupEvent.MemberLeft(GROUP, BEN, NOW, "associate1"));

        InvalidCommand e =
                assertThrows(
                        InvalidCommand.class,
                        () ->
                                GroupDecider.hold(
                                        state,
                                        GROUP_SESSION,
                                        ninetyMinutes(present(BEN)),
                                        ids(1),
                                        "associate1",
                                        NOW));
        assertEquals("attendance[0].clientId", field(e));
    }

    @Test
    void aClientListedTwiceIsRefused() {
        InvalidCommand e =
                assertThrows(
                        InvalidCommand.class,
                        () ->
                                GroupDecider.hold(
                                        rosterOfAnaAndBen(),
                                        GROUP_SESSION,
                                        ninetyMinutes(present(ANA), absent(ANA)),
                                        ids(2),
                                        "associate1",
                                        NOW));
        assertEquals("attendance[1].clientId", field(e));
    }

    @Test
    void aSessionNoOneAttendedIsRefused() {
        InvalidCommand e =
                assertThrows(
                        InvalidCommand.class,
                        () ->
                                GroupDecider.hold(
                                        rosterOfAnaAndBen(),
                                        GROUP_SESSION,
                                        ninetyMinutes(absent(ANA), absent(BEN)),
                                        ids(2),
                                        "associate1",
                                        NOW));
        assertEquals("attendance", field(e));
    }

    @Test
    void aPresentAttendeeNeedsANoteAndAnAbsentOneHasNone() {
        HoldGroupSession.Attendee noNote =
                new HoldGroupSession.Attendee(ANA, true, null, null, true, null);
        HoldGroupSession.Attendee absentWithNote =
                new HoldGroupSession.Attendee(BEN, false, DAP, null, null, null);

        InvalidCommand missing =
                assertThrows(
                        InvalidCommand.class,
                        () ->
                                GroupDecider.hold(
                                        rosterOfAnaAndBen(),
                                        GROUP_SESSION,
                                        ninetyMinutes(noNote),
                                        ids(1),
                                        "associate1",
                                        NOW));
        InvalidCommand extra =
                assertThrows(
                        InvalidCommand.class,
                        () ->
                                GroupDecider.hold(
                                        rosterOfAnaAndBen(),
                                        GROUP_SESSION,
                                        ninetyMinutes(present(ANA), absentWithNote),
                                        ids(2),
                                        "associate1",
                                        NOW));
        assertEquals("attendance[0].note", field(missing));
        assertEquals("attendance[1].note", field(extra));
    }

    @Test
    void aPresentAttendeesRiskReviewIsRequired() {
        HoldGroupSession.Attendee unreviewed =
                new HoldGroupSession.Attendee(ANA, true, DAP, null, null, null);

        InvalidCommand e =
                assertThrows(
                        InvalidCommand.class,
                        () ->
                                GroupDecider.hold(
                                        rosterOfAnaAndBen(),
                                        GROUP_SESSION,
                                        ninetyMinutes(unreviewed),
                                        ids(1),
                                        "associate1",
                                        NOW));
        assertEquals("attendance[0].riskReviewed", field(e));
    }

    @Test
    void theSessionsTimesFollowTheRulesOfAnyOtherSession() {
        GroupState state = rosterOfAnaAndBen();
        assertEquals(
                "endedAt",
                field(
                        assertThrows(
                                InvalidCommand.class,
                                () ->
                                        GroupDecider.hold(
                                                state,
                                                GROUP_SESSION,
                                                session(START, START, present(ANA)),
                                                ids(1),
                                                "associate1",
                                                NOW))));
        assertEquals(
                "endedAt",
                field(
                        assertThrows(
                                InvalidCommand.class,
                                () ->
                                        GroupDecider.hold(
                                                state,
                                                GROUP_SESSION,
                                                session(
                                                        START.minus(Duration.ofHours(9)),
                                                        START.plus(Duration.ofMinutes(1)),
                                                        present(ANA)),
                                                ids(1),
                                                "associate1",
                                                NOW))));
        assertEquals(
                "startedAt",
                field(
                        assertThrows(
                                InvalidCommand.class,
                                () ->
                                        GroupDecider.hold(
                                                state,
                                                GROUP_SESSION,
                                                session(
                                                        NOW.plus(Duration.ofHours(1)),
                                                        NOW.plus(Duration.ofHours(2)),
                                                        present(ANA)),
                                                ids(1),
                                                "associate1",
                                                NOW))));
    }

    @Test
    void aSessionOfAGroupNeverFormedIsNotFound() {
        ProblemException e =
                assertThrows(
                        ProblemException.class,
                        () ->
                                GroupDecider.hold(
                                        GroupState.NONE,
                                        GROUP_SESSION,
                                        ninetyMinutes(present(ANA)),
                                        ids(1),
                                        "associate1",
                                        NOW));
        assertEquals(404, status(e));
    }

    @Test
    void eachPresentAttendeesNoteIsAGroupSessionAtTheGroupsTimeAndPlace() {
        HoldGroupSession command = ninetyMinutes(present(ANA));

        DocumentSession note = GroupDecider.noteOf(command, command.attendance().getFirst());

        assertEquals(SessionType.GROUP, note.type());
        assertEquals(START, note.startedAt());
        assertEquals(SessionModality.IN_PERSON, note.modality());
        assertEquals(ClientLocation.CLINIC, note.clientLocation());
        assertEquals(DAP, note.note());
        assertEquals(List.of("1.1.1"), note.objectivesAddressed());
        assertNull(note.interactiveComplexity());
    }
}
